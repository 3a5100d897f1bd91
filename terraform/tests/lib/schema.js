'use strict';
// The AWS provider's schema as published in npm @cdktf/provider-aws: bindings generated from the
// provider's own schema. Each resource's TypeScript declarations name every argument (with its
// snake_case name in the registry link), whether it is optional, whether it is a nested block, and
// every attribute that can be read from the resource.

const fs = require('node:fs');
const path = require('node:path');

const LIB = path.join(path.dirname(require.resolve('@cdktf/provider-aws/package.json')), 'lib');
const cache = new Map();

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** Provider version the bindings were generated from, e.g. "6.25.0". */
function providerVersion() {
  const text = fs.readFileSync(path.join(LIB, 'provider', 'index.js'), 'utf8');
  const m = /hashicorp\/aws\/(\d+\.\d+\.\d+)\/docs/.exec(text);
  return m ? m[1] : null;
}

/** The Terraform type family of a declared TypeScript type. */
function kindOf(typeText) {
  const t = typeText.replace(/\s+/g, ' ').trim();
  if (/^\{ \[key: string\]: /.test(t)) return 'map';
  if (/^(string|number|boolean)\[\]/.test(t)) return 'list';
  if (/^string$/.test(t)) return 'string';
  if (/^number$/.test(t)) return 'number';
  if (/^boolean\b/.test(t)) return 'bool';
  return 'other';
}

function parseDeclarations(text) {
  const interfaces = {};
  for (const m of text.matchAll(/export interface (\w+)(?: extends [\w.]+)? \{\n([\s\S]*?)\n\}/g)) {
    const props = {};
    for (const p of `${m[2]}\n`.matchAll(/\/\*\*([\s\S]*?)\*\/\s*readonly (\w+)(\?)?: ([\s\S]*?);\n(?=    \/\*\*|    readonly|$)/g)) {
      const link = /#(\w+) \w+#\w+\}/.exec(p[1]);
      const snake = link ? link[1] : p[2];
      const blockType = /\* (\w+) block\s*\n/.test(p[1]) ? p[4].replace(/\[\]|\| cdktf\.IResolvable|\s/g, '') : null;
      props[snake] = { required: p[3] !== '?', block: blockType, kind: blockType ? 'block' : kindOf(p[4]) };
    }
    interfaces[m[1]] = props;
  }
  const classes = {};
  for (const m of text.matchAll(/export declare class (\w+) extends cdktf\.(\w+) \{\n([\s\S]*?)\n\}/g)) {
    const getters = {};
    for (const g of m[3].matchAll(/^ {4}get (\w+)\(\): ([^;]+);/gm)) if (!g[1].endsWith('Input')) getters[g[1]] = g[2].trim();
    const type = /static readonly tfResourceType = "(\w+)"/.exec(m[3]);
    classes[m[1]] = { base: m[2], getters, tfType: type && type[1] };
  }
  return { interfaces, classes };
}

function directoryOf(mode, type) {
  if (mode === 'provider') return 'provider';
  const stem = type.replace(/^aws_/, '').replace(/_/g, '-');
  return mode === 'data' ? `data-aws-${stem}` : stem;
}

/**
 * Schema of a resource, data source or the provider: { args: { snake: { required, block } }, interfaces, classes, root }
 * or null when the provider has no such type.
 */
function schemaOf(mode, type) {
  const key = `${mode}:${type}`;
  if (cache.has(key)) return cache.get(key);
  const file = path.join(LIB, directoryOf(mode, type), 'index.d.ts');
  let schema = null;
  if (fs.existsSync(file)) {
    const { interfaces, classes } = parseDeclarations(fs.readFileSync(file, 'utf8'));
    const root = Object.entries(classes).find(([, c]) => (mode === 'provider' ? c.base === 'TerraformProvider' : c.tfType === type));
    if (root) {
      const configName = Object.keys(interfaces).find((n) => n === `${root[0]}Config`);
      schema = { interfaces, classes, rootClass: root[0], rootInterface: configName };
    }
  }
  cache.set(key, schema);
  return schema;
}

/** The element class of a getter type such as EksClusterIdentityList -> EksClusterIdentityOutputReference. */
function elementClass(schema, typeName) {
  const base = typeName.replace(/(List|Map)$/, '');
  return schema.classes[`${base}OutputReference`] ? `${base}OutputReference` : (schema.classes[typeName] ? typeName : null);
}

module.exports = { camel, elementClass, providerVersion, schemaOf };
