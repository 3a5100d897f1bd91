'use strict';
// Environment roots: remote state, version pins, what src-deploy reads, and dev cheaper than prod.

const { CheckResult } = require('./result');
const { blocks, tracesTo } = require('./support');
const design = require('../design');
const { allConfigs, calledModule, label, moduleScope } = require('../config');

function remoteStateIsS3WithDynamoDbLock(ws) {
  const result = new CheckResult();
  const keys = new Map();
  for (const env of Object.values(ws.environments)) {
    result.examined();
    const where = label(env);
    const backends = env.terraform.filter((t) => t.body.backend).flatMap((t) => Object.entries(t.body.backend));
    const s3 = backends.filter(([type]) => type === 's3').flatMap(([, bodies]) => bodies);
    if (backends.length !== 1 || s3.length !== 1) { result.fail(where, `needs exactly one backend, of type "s3"; found ${backends.map(([type]) => type).join(', ') || 'none'}`); continue; }
    const [backend] = s3;
    for (const attribute of ['bucket', 'key', 'region', 'dynamodb_table', 'kms_key_id']) result.require(typeof backend[attribute] === 'string' && backend[attribute].length > 0, where, `backend "s3" needs ${attribute}`);
    result.require(backend.encrypt === true, where, 'backend "s3" must set encrypt = true');
    result.require(String(backend.key).includes(env.name), where, `state key ${backend.key} should name the environment`);
    const id = `${backend.bucket}/${backend.key}`;
    result.require(!keys.has(id), where, `shares state ${id} with ${keys.get(id)}`);
    keys.set(id, env.name);
  }
  return result;
}

const hasUpperBound = (constraint) => /~>|<\s*\d/.test(String(constraint));

function terraformAndAwsProviderArePinned(ws) {
  const result = new CheckResult();
  const awsConstraints = new Set();
  for (const config of allConfigs(ws)) {
    result.examined();
    const where = label(config);
    const versions = config.terraform.map((t) => t.body.required_version).filter(Boolean);
    result.require(versions.length === 1, where, 'needs exactly one required_version');
    for (const v of versions) result.require(/>=?\s*\d/.test(v) && hasUpperBound(v), where, `required_version "${v}" needs a lower and an upper bound`);
    const aws = config.terraform.flatMap((t) => blocks(t.body, 'required_providers')).map((rp) => rp.aws).filter(Boolean);
    result.require(aws.length === 1, where, 'required_providers must declare aws once');
    for (const p of aws) {
      result.require(p.source === 'hashicorp/aws', where, `aws provider source is ${p.source}, expected hashicorp/aws`);
      result.require(hasUpperBound(p.version), where, `aws provider version "${p.version}" must be pinned to a major version (~> or <)`);
      awsConstraints.add(p.version);
    }
  }
  result.require(awsConstraints.size <= 1, 'terraform/', `modules and environments disagree on the aws provider: ${[...awsConstraints].join(' vs ')}`);
  return result;
}

function callInputs(ws, env, moduleName) {
  const call = Object.keys(env.modules).find((c) => calledModule(ws, env, c) === ws.modules[moduleName]);
  return call ? moduleScope(ws, env, call).vars : null;
}

function devIsSmallerAndCheaperThanProd(ws) {
  const result = new CheckResult();
  const { dev, prod } = ws.environments;
  if (!dev || !prod) { result.fail('environments', 'needs both dev and prod'); return result; }
  result.examined();
  const [devNet, prodNet] = [callInputs(ws, dev, 'networking'), callInputs(ws, prod, 'networking')];
  const [devK8s, prodK8s] = [callInputs(ws, dev, 'kubernetes'), callInputs(ws, prod, 'kubernetes')];
  if (!devNet || !prodNet || !devK8s || !prodK8s) { result.fail('environments', 'dev and prod must both call networking and kubernetes'); return result; }
  result.require(devNet.single_nat_gateway === true, 'environments/dev', 'dev shares a single NAT gateway');
  result.require(prodNet.single_nat_gateway === false, 'environments/prod', 'prod has a NAT gateway per zone');
  result.require(devK8s.node_scaling.max <= prodK8s.node_scaling.min, 'environments/dev', `dev may grow to ${devK8s.node_scaling.max} nodes, more than prod's minimum ${prodK8s.node_scaling.min}`);
  result.require(prodK8s.node_scaling.min >= design.zoneCount && prodK8s.node_scaling.min % design.zoneCount === 0, 'environments/prod', `prod needs at least one node per zone in equal numbers, min is ${prodK8s.node_scaling.min}`);
  result.require(prodK8s.node_capacity_type === 'ON_DEMAND', 'environments/prod', 'prod nodes must be on-demand, not spot');
  result.require(prodK8s.alb_deletion_protection === true, 'environments/prod', 'prod ALB needs deletion protection');
  return result;
}

function environmentsExportWhatSrcDeployReads(ws) {
  const result = new CheckResult();
  for (const env of Object.values(ws.environments)) {
    for (const [name, type] of Object.entries(design.srcDeployOutputs)) {
      result.examined();
      const where = `${label(env)} output.${name}`;
      const output = env.outputs[name];
      if (!output) { result.fail(where, 'is missing; src-deploy reads it'); continue; }
      result.require(output.body.description, where, 'needs a description');
      result.require(tracesTo(ws, env, output.body.value, type).length === 1, where, `must come from exactly one ${type}`);
    }
  }
  return result;
}

module.exports = { remoteStateIsS3WithDynamoDbLock, terraformAndAwsProviderArePinned, devIsSmallerAndCheaperThanProd, environmentsExportWhatSrcDeployReads };
