'use strict';
// Resources, data sources and the provider block checked against the AWS provider's schema (from
// npm @cdktf/provider-aws): argument and block names, required arguments, and the attributes other
// expressions read. This is the part of `terraform validate` that needs the provider.

const { CheckResult } = require('./result');
const { allConfigs, instancesOf, label, scopesFor } = require('../config');
const { EvaluationError, INDEX, attributePathsIn, evaluate, isUnknown, walkValues } = require('../expressions');
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

const isPrimitive = (v) => ['string', 'number', 'boolean'].includes(typeof v);

/** Why a value cannot convert to the declared kind, or null. Terraform converts between string, number and bool. */
function typeMismatch(kind, value) {
  if (value === null || value === undefined || isUnknown(value)) return null;
  switch (kind) {
    case 'string': return isPrimitive(value) ? null : 'a string';
    case 'number': return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? null : 'a number';
    case 'bool': return typeof value === 'boolean' || value === 'true' || value === 'false' ? null : 'a bool';
    case 'list': return Array.isArray(value) && value.every((x) => isUnknown(x) || isPrimitive(x)) ? null : 'a list of primitives';
    case 'map': return value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((x) => isUnknown(x) || isPrimitive(x)) ? null : 'a map';
    default: return null;
  }
}

function awsArgumentsHaveTheirSchemaTypes(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    const resources = config.resources.filter((r) => r.type.startsWith('aws_') && schemaOf(r.mode, r.type));
    for (const { where: scopeName, scope } of scopesFor(ws, config)) {
      for (const r of resources) {
        const schema = schemaOf(r.mode, r.type);
        for (const { key, scope: s } of instancesOf(config, r, scope)) {
          if (isUnknown(key)) continue;
          walkBlocks(schema, schema.rootInterface, r.body, '', (body, interfaceName, path) => {
            const props = schema.interfaces[interfaceName] || {};
            for (const [name, raw] of Object.entries(body)) {
              const prop = props[name];
              if (!prop || prop.kind === 'block' || prop.kind === 'other' || (path === '' && META_ARGUMENTS.has(name))) continue;
              let value;
              try { value = evaluate(raw, s); } catch (e) { if (e instanceof EvaluationError) continue; throw e; }
              result.examined();
              const wanted = typeMismatch(prop.kind, value);
              result.require(!wanted, `${label(config)} ${r.address} (${scopeName})`, `${path}${name} must be ${wanted}, got ${JSON.stringify(value)}`);
            }
          });
        }
      }
    }
  }
  return result;
}

module.exports = { resourceArgumentsMatchTheAwsProviderSchema, requiredArgumentsOfAwsResourcesArePresent, referencedAwsAttributesExist, awsArgumentsHaveTheirSchemaTypes };
