'use strict';
// Loads Terraform configurations (every .tf file of a directory, parsed one file at a time by the real
// HCL2 parser) and answers questions across module boundaries: scopes for evaluation and where a
// value ultimately comes from.

const fs = require('node:fs');
const path = require('node:path');
const hcl = require('@cdktf/hcl2json');
const { evaluate, parseAllTemplates, valueTraversalsIn, walkValues, isUnknown, Unknown } = require('./expressions');

async function loadConfig(dir, kind, name) {
  const config = {
    kind, name, dir, files: {}, variables: {}, locals: {}, outputs: {}, resources: [], modules: {}, providers: [], terraform: [],
  };
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    let json;
    try {
      json = await hcl.parse(file, text);
    } catch (e) {
      throw new Error(`${path.join(dir, file)} does not parse: ${e.message}`);
    }
    await parseAllTemplates(json);
    config.files[file] = json;
    collect(config, file, json);
  }
  config.providerPrefixes = new Set(['aws', ...requiredProviderNames(config)].map((p) => `${p}_`));
  // The documented starting point for a root's terraform.tfvars, checked like real input.
  const example = path.join(dir, 'terraform.tfvars.example');
  if (fs.existsSync(example)) {
    try {
      config.exampleVars = await hcl.parse('terraform.tfvars.example', fs.readFileSync(example, 'utf8'));
    } catch (e) {
      throw new Error(`${example} does not parse: ${e.message}`);
    }
    await parseAllTemplates(config.exampleVars);
  }
  return config;
}

function collect(config, file, json) {
  for (const [name, [body]] of Object.entries(json.variable || {})) config.variables[name] = { body, file };
  for (const block of json.locals || []) for (const [name, value] of Object.entries(block)) config.locals[name] = { value, file };
  for (const [name, [body]] of Object.entries(json.output || {})) config.outputs[name] = { body, file };
  for (const mode of ['resource', 'data']) {
    for (const [type, byName] of Object.entries(json[mode] || {})) {
      for (const [name, [body]] of Object.entries(byName)) {
        config.resources.push({ mode, type, name, body, file, address: `${mode === 'data' ? 'data.' : ''}${type}.${name}` });
      }
    }
  }
  for (const [name, [body]] of Object.entries(json.module || {})) config.modules[name] = { body, file };
  for (const [name, bodies] of Object.entries(json.provider || {})) for (const body of bodies) config.providers.push({ name, body, file });
  for (const body of json.terraform || []) config.terraform.push({ body, file });
}

function requiredProviderNames(config) {
  return config.terraform.flatMap((t) => (t.body.required_providers || []).flatMap((rp) => Object.keys(rp)));
}

/** A workspace is a tree with modules/<name>, environments/<name> and optionally bootstrap/. */
async function loadWorkspace(root) {
  const ws = { root, modules: {}, environments: {}, roots: [] };
  const subdirs = (d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((n) => fs.statSync(path.join(d, n)).isDirectory()).sort() : []);
  for (const name of subdirs(path.join(root, 'modules'))) ws.modules[name] = await loadConfig(path.join(root, 'modules', name), 'module', name);
  for (const name of subdirs(path.join(root, 'environments'))) {
    ws.environments[name] = await loadConfig(path.join(root, 'environments', name), 'environment', name);
    ws.roots.push(ws.environments[name]);
  }
  if (fs.existsSync(path.join(root, 'bootstrap'))) ws.roots.push(await loadConfig(path.join(root, 'bootstrap'), 'root', 'bootstrap'));
  // A root may call a module outside this tree (the test fixtures call the real modules).
  for (const config of ws.roots) {
    for (const call of Object.values(config.modules)) {
      const dir = path.resolve(config.dir, String(call.body.source));
      const known = Object.values(ws.modules).some((m) => m.dir === dir);
      if (!known && fs.existsSync(dir)) ws.modules[path.basename(dir)] = await loadConfig(dir, 'module', path.basename(dir));
    }
  }
  return ws;
}

const allConfigs = (ws) => [...Object.values(ws.modules), ...ws.roots];
const label = (config) => path.relative(path.dirname(path.dirname(config.dir)), config.dir) || config.name;

function calledModule(ws, config, callName) {
  const call = config.modules[callName];
  if (!call) return null;
  const target = path.resolve(config.dir, call.body.source);
  return Object.values(ws.modules).find((m) => m.dir === target) || null;
}

/** Every (root config, call name) that instantiates a module. */
function callersOf(ws, moduleConfig) {
  const callers = [];
  for (const root of ws.roots) {
    for (const callName of Object.keys(root.modules)) {
      if (calledModule(ws, root, callName) === moduleConfig) callers.push({ root, callName });
    }
  }
  return callers;
}

// ------------------------------------------------------------------ scopes

function localsOf(config) {
  return Object.fromEntries(Object.entries(config.locals).map(([k, v]) => [k, v.value]));
}

function defaultsOf(config) {
  const vars = {};
  for (const [name, v] of Object.entries(config.variables)) if ('default' in v.body) vars[name] = evaluate(v.body.default, {});
  return vars;
}

function rootScope(ws, root, overrides = {}) {
  const scope = withInstances(root, { vars: { ...defaultsOf(root), ...overrides }, locals: localsOf(root) });
  const evaluating = new Set();
  scope.moduleOutput = (callName, output) => {
    const target = calledModule(ws, root, callName);
    const key = `${callName}.${output}`;
    if (!target || !target.outputs[output] || evaluating.has(key)) return new Unknown(`module.${callName}.${output}`);
    evaluating.add(key);
    try {
      return evaluate(target.outputs[output].body.value, moduleScope(ws, root, callName, scope));
    } finally {
      evaluating.delete(key);
    }
  };
  return scope;
}

// Module inputs are evaluated on first use: modules feed each other (secrets <-> kubernetes) through
// outputs that are only known after apply, so eager evaluation would chase its own tail.
function moduleScope(ws, root, callName, parentScope = rootScope(ws, root)) {
  const target = calledModule(ws, root, callName);
  const args = root.modules[callName].body;
  const vars = defaultsOf(target);
  for (const name of Object.keys(target.variables)) {
    if (!(name in args)) continue;
    let cached;
    Object.defineProperty(vars, name, {
      enumerable: true,
      get: () => {
        if (cached === undefined) cached = { value: evaluate(args[name], parentScope) };
        return cached.value;
      },
    });
  }
  return withInstances(target, { vars, locals: localsOf(target) });
}

/** Lets for expressions over a whole resource see its instance keys, as Terraform does at plan time. */
function withInstances(config, scope) {
  scope.resourceInstances = (ref) => {
    const resource = findResource(config, ref.kind, ref.type, ref.name);
    if (!resource || (resource.body.for_each === undefined && resource.body.count === undefined)) return null;
    const instances = instancesOf(config, resource, scope);
    if (instances.some((i) => isUnknown(i.key))) return null;
    const entries = instances.map((i) => [i.key, new Unknown(`${resource.address}[${JSON.stringify(i.key)}]`, { ...ref, key: i.key, attributes: [] })]);
    return resource.body.count !== undefined ? entries.map(([, v]) => v) : Object.fromEntries(entries);
  };
  return scope;
}

/** One evaluation scope per environment that calls the module; a module nobody calls gets its defaults. */
function scopesFor(ws, config) {
  if (config.kind !== 'module') return [{ where: config.name, root: config, scope: rootScope(ws, config) }];
  const callers = callersOf(ws, config);
  if (callers.length === 0) return [{ where: `${config.name} (not called)`, root: null, scope: withInstances(config, { vars: defaultsOf(config), locals: localsOf(config) }) }];
  return callers.map(({ root, callName }) => ({ where: `${root.name} module.${callName}`, root, scope: moduleScope(ws, root, callName) }));
}

// ------------------------------------------------------------------ resources

function findResource(config, mode, type, name) {
  return config.resources.find((r) => r.mode === mode && r.type === type && r.name === name) || null;
}

function resourcesOfType(config, type, mode = 'resource') {
  return config.resources.filter((r) => r.mode === mode && r.type === type);
}

/** The instances for_each or count make of a resource: [{ key, scope }] with each/count bound. */
function instancesOf(config, resource, scope) {
  const { for_each: forEach, count } = resource.body;
  if (forEach !== undefined) {
    let collection = evaluate(forEach, scope);
    if (isUnknown(collection) && collection.ref && collection.ref.key === undefined && collection.ref.attributes.length === 0) {
      collection = withInstances(config, { ...scope }).resourceInstances(collection.ref) || collection;
    }
    if (isUnknown(collection)) return [{ key: collection, scope: { ...scope, each: { key: collection, value: collection } } }];
    const entries = Array.isArray(collection) ? collection.map((v) => [v, v]) : Object.entries(collection);
    return entries.map(([key, value]) => ({ key, scope: { ...scope, each: { key, value } } }));
  }
  if (count !== undefined) {
    const n = evaluate(count, scope);
    if (isUnknown(n)) return [{ key: n, scope: { ...scope, count: n } }];
    return Array.from({ length: n }, (_, i) => ({ key: i, scope: { ...scope, count: i } }));
  }
  return [{ key: undefined, scope }];
}

// ------------------------------------------------------------------ tracing

/**
 * Where the value of an expression ultimately comes from, following variables into the environments
 * that call a module and module outputs into the modules that define them. Returns a list of
 * { kind: 'resource', config, mode, type, name } | { kind: 'input', config, variable } | { kind: 'literal', config }.
 */
function traceSources(ws, config, value, owner = null, seen = new Set()) {
  const texts = [];
  walkValues(value, [], (v) => texts.push(v));
  const refs = texts.flatMap((t) => valueTraversalsIn(t));
  if (refs.length === 0) return [{ kind: 'literal', config, value }];
  const out = [];
  for (const ref of refs) {
    const key = `${config.dir}:${ref.text}`;
    if (seen.has(key)) continue;
    const next = new Set(seen).add(key);
    if (ref.root === 'var') {
      const name = ref.parts[0];
      if (config.kind !== 'module') { out.push({ kind: 'input', config, variable: name }); continue; }
      const callers = callersOf(ws, config);
      if (callers.length === 0 && config.variables[name] && 'default' in config.variables[name].body) out.push({ kind: 'literal', config, value: config.variables[name].body.default });
      else if (callers.length === 0) out.push({ kind: 'input', config, variable: name });
      for (const { root, callName } of callers) {
        const args = root.modules[callName].body;
        if (name in args) out.push(...traceSources(ws, root, args[name], null, next));
        else if (config.variables[name] && 'default' in config.variables[name].body) out.push({ kind: 'literal', config, value: config.variables[name].body.default });
      }
    } else if (ref.root === 'local') {
      if (config.locals[ref.parts[0]]) out.push(...traceSources(ws, config, config.locals[ref.parts[0]].value, null, next));
    } else if (ref.root === 'module') {
      const target = calledModule(ws, config, ref.parts[0]);
      const output = target && target.outputs[ref.parts[1]];
      if (output) out.push(...traceSources(ws, target, output.body.value, null, next));
    } else if (ref.root === 'each' || ref.root === 'count') {
      if (owner && owner.body.for_each !== undefined) out.push(...traceSources(ws, config, owner.body.for_each, null, next));
    } else if (ref.root === 'data') {
      out.push({ kind: 'resource', config, mode: 'data', type: ref.parts[0], name: ref.parts[1] });
    } else if ([...config.providerPrefixes].some((p) => ref.root.startsWith(p))) {
      out.push({ kind: 'resource', config, mode: 'resource', type: ref.root, name: ref.parts[0] });
    }
  }
  return out;
}

module.exports = {
  allConfigs,
  callersOf,
  calledModule,
  findResource,
  instancesOf,
  label,
  loadConfig,
  loadWorkspace,
  moduleScope,
  resourcesOfType,
  rootScope,
  scopesFor,
  traceSources,
};
