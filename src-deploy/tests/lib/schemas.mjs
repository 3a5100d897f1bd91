// Validates Kubernetes objects against the upstream schemas shipped by the pinned @kubernetes-models packages
// (generated from the Kubernetes OpenAPI spec and from the Argo Rollouts, External Secrets and
// prometheus-operator CRDs).
//
// Two passes, because the packages' compiled validators accept unknown fields:
//  1. the package's own validator (types, enums, required fields, formats), and
//  2. strictness: each object is type-checked by the TypeScript compiler as an object literal of the package's
//     interface for its kind. TypeScript rejects any property the interface does not declare, at every depth
//     ("Object literal may only specify known properties"), while fields the CRD leaves open
//     (x-kubernetes-preserve-unknown-fields, e.g. a metric plugin's config) are typed `{}` and stay open.
import { join } from 'node:path';
import ts from 'typescript';
import { SRC_DEPLOY } from './paths.mjs';

const CRD_PACKAGES = {
  'argoproj.io': '@kubernetes-models/argo-rollouts',
  'external-secrets.io': '@kubernetes-models/external-secrets',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

export function schemaModule(apiVersion, kind) {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const pkg = CRD_PACKAGES[group] ?? 'kubernetes-models';
  return `${pkg}/${apiVersion}/${kind}`;
}

const name = (obj) => `${obj.kind}/${obj.metadata?.name}`;

async function modelValidationErrors(obj) {
  const path = schemaModule(obj.apiVersion, obj.kind);
  let model;
  try {
    model = (await import(path))[obj.kind];
  } catch {
    return [`${name(obj)}: no schema for ${obj.apiVersion} ${obj.kind} (looked for ${path})`];
  }
  try {
    new model(structuredClone(obj)).validate();
    return [];
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    return [`${name(obj)}: ${details || error.message}`];
  }
}

function strictTypeErrors(objects) {
  const file = join(SRC_DEPLOY, 'tests', '__strict_objects__.ts');
  const imports = new Map();
  const starts = [];
  let body = '';
  let line = 0;
  for (const [i, obj] of objects.entries()) {
    const module = schemaModule(obj.apiVersion, obj.kind);
    if (!imports.has(module)) imports.set(module, `T${imports.size}`);
    starts.push(line);
    const literal = `export const object${i}: ${imports.get(module)} = ${JSON.stringify(obj, null, 1)};\n`;
    body += literal;
    line += literal.split('\n').length - 1;
  }
  const header = [...imports].map(([module, alias]) => {
    const kind = module.slice(module.lastIndexOf('/') + 1);
    return `import type { I${kind} as ${alias} } from ${JSON.stringify(module)};\n`;
  }).join('');
  const source = header + body;
  const headerLines = imports.size;

  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (f, language, ...rest) =>
    f === file ? ts.createSourceFile(f, source, language) : getSourceFile(f, language, ...rest);
  host.fileExists = (f) => f === file || fileExists(f);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.file.fileName !== file) return message;
    const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - headerLines;
    if (at < 0) return message;
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1] <= at) index++;
    return `${name(objects[index])}: ${message}`;
  });
}

/** Every schema violation of the given objects, each prefixed with Kind/name; empty when all are valid. */
export async function schemaErrors(objects) {
  const errors = [];
  for (const obj of objects) errors.push(...await modelValidationErrors(obj));
  errors.push(...strictTypeErrors(objects));
  return errors;
}
