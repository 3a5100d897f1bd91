'use strict';
// Resources, data sources and the provider block checked against the AWS provider's schema (from
// npm @cdktf/provider-aws): argument and block names, required arguments, and the attributes other
// expressions read. This is the part of `terraform validate` that needs the provider.

const { CheckResult } = require('./result');
const { allConfigs, label } = require('../config');
const { INDEX, attributePathsIn, walkValues } = require('../expressions');
const { camel, elementClass, providerVersion, schemaOf } = require('../schema');

const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'dynamic']);

/** Every aws resource, data source and provider block, with its schema (or null when the provider has no such type). */
function awsBlocks(config) {
  const blocks = config.resources.filter((r) => r.type.startsWith('aws_'))
    .map((r) => ({ address: r.address, body: r.body, schema: schemaOf(r.mode, r.type), kind: r.mode === 'data' ? 'data source' : 'resource' }));
  for (const p of config.providers.filter((x) => x.name === 'aws')) blocks.push({ address: 'provider "aws"', body: p.body, schema: schemaOf('provider', 'aws'), kind: 'provider' });
  return blocks;
}

const isBlockValue = (v) => Array.isArray(v) && v.every((x) => x && typeof x === 'object' && !Array.isArray(x));

/** Visits each block body with its schema interface: visit(body, interfaceName, path). */
function walkBlocks(schema, interfaceName, body, path, visit) {
  visit(body, interfaceName, path);
  const props = schema.interfaces[interfaceName] || {};
  for (const [name, value] of Object.entries(body)) {
    if (name === 'dynamic') {
      for (const [blockName, generators] of Object.entries(value)) {
        const nested = props[blockName] && props[blockName].block;
        for (const g of generators) for (const content of g.content || []) if (nested) walkBlocks(schema, nested, content, `${path}${blockName}.`, visit);
      }
      continue;
    }
    const nested = props[name] && props[name].block;
    if (nested && isBlockValue(value)) value.forEach((item) => walkBlocks(schema, nested, item, `${path}${name}.`, visit));
  }
}

function resourceArgumentsMatchTheAwsProviderSchema(ws) {
  const result = new CheckResult();
  const version = providerVersion();
  for (const config of allConfigs(ws)) {
    for (const block of awsBlocks(config)) {
      result.examined();
      const where = `${label(config)} ${block.address}`;
      if (!block.schema) { result.fail(where, `is not a ${block.kind} of hashicorp/aws ${version}`); continue; }
      walkBlocks(block.schema, block.schema.rootInterface, block.body, '', (body, interfaceName, path) => {
        const props = block.schema.interfaces[interfaceName] || {};
        for (const [name, value] of Object.entries(body)) {
          if (path === '' && META_ARGUMENTS.has(name)) continue;
          if (name === 'dynamic') continue;
          if (!props[name]) { result.fail(where, `${path}${name} is not an argument of ${block.address.replace(/\.[^.]+$/, '')} in hashicorp/aws ${version}`); continue; }
          if (props[name].block && !isBlockValue(value)) result.fail(where, `${path}${name} is a block: write ${name} { ... }, not ${name} = ...`);
        }
      });
    }
  }
  return result;
}

function requiredArgumentsOfAwsResourcesArePresent(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const block of awsBlocks(config).filter((b) => b.schema)) {
      result.examined();
      walkBlocks(block.schema, block.schema.rootInterface, block.body, '', (body, interfaceName, path) => {
        const dynamicBlocks = Object.keys(body.dynamic || {});
        for (const [name, prop] of Object.entries(block.schema.interfaces[interfaceName] || {})) {
          if (prop.required && !(name in body) && !dynamicBlocks.includes(name)) result.fail(`${label(config)} ${block.address}`, `required ${prop.block ? 'block' : 'argument'} ${path}${name} is missing`);
        }
      });
    }
  }
  return result;
}

/** Follows an attribute path through the generated classes; returns the first unknown attribute or null. */
function unknownAttribute(schema, parts) {
  let className = schema.rootClass;
  for (const part of parts) {
    if (part === INDEX) continue;
    const cls = schema.classes[className];
    if (!cls) return null; // a primitive or a map: what follows is a key, not an attribute
    const type = cls.getters[camel(part)];
    if (!type) return part;
    className = elementClass(schema, type);
  }
  return null;
}

function referencedAwsAttributesExist(ws) {
  const result = new CheckResult();
  const version = providerVersion();
  for (const config of allConfigs(ws)) {
    const declared = new Set(config.resources.map((r) => r.address));
    const paths = [];
    walkValues(config.files, [], (v) => paths.push(...attributePathsIn(v)));
    for (const ref of paths) {
      const isData = ref.root === 'data';
      const [type, name, ...rest] = isData ? ref.parts : [ref.root, ...ref.parts];
      if (typeof type !== 'string' || !type.startsWith('aws_') || typeof name !== 'string') continue;
      if (!declared.has(`${isData ? 'data.' : ''}${type}.${name}`)) continue; // reported by resourceReferencesExist
      const schema = schemaOf(isData ? 'data' : 'resource', type);
      if (!schema || rest.length === 0) continue;
      result.examined();
      const unknown = unknownAttribute(schema, rest);
      result.require(unknown === null, `${label(config)} ${ref.text}`, `${unknown} is not an attribute of ${isData ? 'data.' : ''}${type} in hashicorp/aws ${version}`);
    }
  }
  return result;
}

module.exports = { resourceArgumentsMatchTheAwsProviderSchema, requiredArgumentsOfAwsResourcesArePresent, referencedAwsAttributesExist };
