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
