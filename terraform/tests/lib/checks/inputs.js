'use strict';
// Plan-time errors that need values: module inputs that fail their validation blocks, and for_each or
// count arguments Terraform cannot know before apply.

const { CheckResult } = require('./result');
const { blocks } = require('./support');
const { allConfigs, calledModule, instancesOf, label, moduleScope, rootScope, scopesFor } = require('../config');
const { EvaluationError, evaluate, isUnknown } = require('../expressions');

const containsUnknown = (v) => isUnknown(v) || (Array.isArray(v) ? v.some(containsUnknown) : v && typeof v === 'object' ? Object.values(v).some(containsUnknown) : false);

function runValidations(result, where, config, scope, names) {
  for (const name of names) {
    const variable = config.variables[name];
    const value = scope.vars[name];
    if (value === undefined || containsUnknown(value)) continue;
    for (const validation of blocks(variable.body, 'validation')) {
      result.examined();
      let ok;
      try {
        ok = evaluate(validation.condition, scope);
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        result.fail(`${where} var.${name}`, `validation cannot be evaluated here: ${e.message}`);
        continue;
      }
      if (ok === false) result.fail(`${where} var.${name}`, `${JSON.stringify(value)} fails its validation: ${validation.error_message}`);
    }
  }
}

function moduleInputsPassTheirValidations(ws) {
  const result = new CheckResult();
  for (const root of ws.roots) {
    // With the example tfvars, inputs without a default reach the modules' validations too.
    const runs = [{ where: label(root), overrides: {} }];
    if (root.exampleVars) runs.push({ where: `${label(root)} (terraform.tfvars.example)`, overrides: evaluate(root.exampleVars, {}) });
    for (const { where, overrides } of runs) {
      for (const name of Object.keys(overrides)) result.require(root.variables[name], where, `sets ${name}, which is not a variable`);
      const scope = rootScope(ws, root, overrides);
      runValidations(result, where, root, scope, Object.keys(root.variables));
      for (const callName of Object.keys(root.modules)) {
        const target = calledModule(ws, root, callName);
        if (!target) continue;
        runValidations(result, `${where} module.${callName}`, target, moduleScope(ws, root, callName, scope), Object.keys(target.variables));
      }
    }
  }
  return result;
}

function forEachAndCountAreKnownAtPlan(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const resource of config.resources.filter((r) => r.body.for_each !== undefined || r.body.count !== undefined)) {
      // Without a caller, what is known at plan depends on the caller; modules are judged in each environment.
      for (const { where: scopeName, scope } of scopesFor(ws, config).filter((s) => s.root)) {
        result.examined();
        const where = `${label(config)} ${resource.address} (${scopeName})`;
        const argument = resource.body.for_each !== undefined ? 'for_each' : 'count';
        const keys = instancesOf(config, resource, scope).map((i) => i.key);
        const unknown = keys.filter(isUnknown);
        result.require(unknown.length === 0, where, `${argument} depends on ${unknown.map((k) => k.description).join(', ')}, which Terraform only knows after apply`);
      }
    }
  }
  return result;
}

module.exports = { moduleInputsPassTheirValidations, forEachAndCountAreKnownAtPlan };
