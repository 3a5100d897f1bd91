'use strict';
// Consistency: what `terraform validate` would reject before ever talking to AWS, checked here over
// the parsed configuration.

const { CheckResult } = require('./result');
const { allConfigs, calledModule, label } = require('../config');
const { referencesOf, META_ROOTS } = require('../expressions');

const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'providers', 'depends_on', 'count', 'for_each']);
const MODULE_FILES = ['versions.tf', 'variables.tf', 'main.tf', 'outputs.tf', 'README.md'];

function referencesIn(config) {
  const refs = [];
  const add = (where, value) => { for (const r of referencesOf(value)) refs.push({ ...r, where }); };
  for (const [name, v] of Object.entries(config.variables)) add(`variable.${name}`, v.body);
  for (const [name, v] of Object.entries(config.locals)) add(`local.${name}`, v.value);
  for (const [name, v] of Object.entries(config.outputs)) add(`output.${name}`, v.body);
  for (const r of config.resources) add(r.address, r.body);
  for (const [name, m] of Object.entries(config.modules)) add(`module.${name}`, m.body);
  for (const p of config.providers) add(`provider.${p.name}`, p.body);
  return refs;
}

function referencesAreDeclared(ws, root, declarations) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const ref of referencesIn(config).filter((r) => r.root === root)) {
      result.examined();
      result.require(config[declarations][ref.parts[0]], `${label(config)} ${ref.where}`, `${root}.${ref.parts[0]} is not declared`);
    }
  }
  return result;
}

const everyVariableReferenceIsDeclared = (ws) => referencesAreDeclared(ws, 'var', 'variables');
const everyLocalReferenceIsDeclared = (ws) => referencesAreDeclared(ws, 'local', 'locals');

function moduleCallsPassEveryRequiredInputAndNoUnknownOne(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const [callName, call] of Object.entries(config.modules)) {
      result.examined();
      const where = `${label(config)} module.${callName}`;
      const target = calledModule(ws, config, callName);
      if (!target) { result.fail(where, `source ${call.body.source} is not a module of this repository`); continue; }
      for (const [name, variable] of Object.entries(target.variables)) {
        if (!('default' in variable.body) && !(name in call.body)) result.fail(where, `required input ${name} is not passed`);
      }
      for (const arg of Object.keys(call.body)) {
        if (!MODULE_META_ARGUMENTS.has(arg) && !target.variables[arg]) result.fail(where, `input ${arg} is not a variable of module ${target.name}`);
      }
    }
  }
  return result;
}

function moduleOutputReferencesExist(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const ref of referencesIn(config).filter((r) => r.root === 'module')) {
      result.examined();
      const [callName, output] = ref.parts;
      const where = `${label(config)} ${ref.where}`;
      const target = calledModule(ws, config, callName);
      if (!target) result.fail(where, `module.${callName} is not declared`);
      else result.require(output !== undefined && target.outputs[output], where, `module.${callName}.${output} is not an output of module ${target.name}`);
    }
  }
  return result;
}

function resourceReferencesExist(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    const declared = new Set(config.resources.map((r) => r.address));
    for (const ref of referencesIn(config)) {
      let address = null;
      if (ref.root === 'data') address = `data.${ref.parts[0]}.${ref.parts[1]}`;
      else if (!META_ROOTS.has(ref.root) && [...config.providerPrefixes].some((p) => ref.root.startsWith(p))) address = `${ref.root}.${ref.parts[0]}`;
      if (!address) continue;
      result.examined();
      result.require(declared.has(address), `${label(config)} ${ref.where}`, `${address} is not declared`);
    }
  }
  return result;
}

function noUnusedVariables(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    // A variable's own validation does not count as a use.
    const used = new Set(referencesIn(config).filter((r) => r.root === 'var' && r.where !== `variable.${r.parts[0]}`).map((r) => r.parts[0]));
    for (const name of Object.keys(config.variables)) {
      result.examined();
      result.require(used.has(name), label(config), `variable ${name} is declared but never used`);
    }
  }
  return result;
}

function everyModuleHasDocumentedTypedInputs(ws) {
  const result = new CheckResult();
  const fs = require('node:fs');
  const path = require('node:path');
  for (const config of Object.values(ws.modules)) {
    result.examined();
    const where = label(config);
    for (const file of MODULE_FILES) result.require(fs.existsSync(path.join(config.dir, file)), where, `${file} is missing`);
    for (const [name, v] of Object.entries(config.variables)) {
      result.require(v.file === 'variables.tf', where, `variable ${name} belongs in variables.tf, not ${v.file}`);
      result.require(v.body.type, where, `variable ${name} has no type`);
      result.require(v.body.description, where, `variable ${name} has no description`);
      // A bool needs no validation; every other input is checked where it enters the module.
      if (v.body.type !== '${bool}') result.require((v.body.validation || []).length > 0, where, `variable ${name} has no validation`);
    }
    for (const [name, o] of Object.entries(config.outputs)) {
      result.require(o.file === 'outputs.tf', where, `output ${name} belongs in outputs.tf, not ${o.file}`);
      result.require(o.body.description, where, `output ${name} has no description`);
    }
    result.require(config.terraform.some((t) => t.file === 'versions.tf' && t.body.required_providers), where, 'versions.tf declares no required_providers');
    result.require(config.providers.length === 0, where, 'a module must not configure providers; the environment does (default tags, region)');
  }
  return result;
}

module.exports = {
  everyVariableReferenceIsDeclared,
  everyLocalReferenceIsDeclared,
  moduleCallsPassEveryRequiredInputAndNoUnknownOne,
  moduleOutputReferencesExist,
  resourceReferencesExist,
  noUnusedVariables,
  everyModuleHasDocumentedTypedInputs,
};

// ------------------------------------------------------------------ dependency graph

/** Nodes as Terraform sees them: resources, locals, variables and outputs; edges from references. */
function dependencyGraph(ws) {
  const edges = new Map();
  const node = (config, name) => `${label(config)}:${name}`;
  const add = (from, to) => { if (!edges.has(from)) edges.set(from, new Set()); edges.get(from).add(to); };
  const targetOf = (config, ref) => {
    if (ref.root === 'var') return node(config, `var.${ref.parts[0]}`);
    if (ref.root === 'local') return node(config, `local.${ref.parts[0]}`);
    if (ref.root === 'module') {
      const target = calledModule(ws, config, ref.parts[0]);
      return target && ref.parts[1] ? node(target, `output.${ref.parts[1]}`) : null;
    }
    if (ref.root === 'data') return node(config, `data.${ref.parts[0]}.${ref.parts[1]}`);
    if (!META_ROOTS.has(ref.root) && [...config.providerPrefixes].some((p) => ref.root.startsWith(p))) return node(config, `${ref.root}.${ref.parts[0]}`);
    return null;
  };
  const link = (config, from, value) => { for (const ref of referencesOf(value)) { const to = targetOf(config, ref); if (to) add(from, to); } };
  for (const config of allConfigs(ws)) {
    for (const r of config.resources) link(config, node(config, r.address), r.body);
    for (const [name, l] of Object.entries(config.locals)) link(config, node(config, `local.${name}`), l.value);
    for (const [name, o] of Object.entries(config.outputs)) link(config, node(config, `output.${name}`), o.body.value);
    for (const [callName, call] of Object.entries(config.modules)) {
      const target = calledModule(ws, config, callName);
      if (!target) continue;
      for (const name of Object.keys(target.variables)) if (name in call.body) link(config, node(target, `var.${name}`), call.body[name]);
    }
  }
  return edges;
}

function noDependencyCycles(ws) {
  const result = new CheckResult();
  const edges = dependencyGraph(ws);
  const state = new Map(); // undefined: unseen, 1: on the current path, 2: done
  const path = [];
  const visit = (n) => {
    state.set(n, 1);
    path.push(n);
    for (const next of edges.get(n) || []) {
      if (state.get(next) === 1) result.fail(next.split(':')[0], `dependency cycle: ${[...path.slice(path.indexOf(next)), next].join(' -> ')}`);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(n, 2);
  };
  for (const n of edges.keys()) {
    result.examined();
    if (!state.has(n)) visit(n);
  }
  return result;
}

module.exports.noDependencyCycles = noDependencyCycles;
