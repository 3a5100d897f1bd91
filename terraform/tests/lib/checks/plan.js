'use strict';
// The network and secrets "plan": each environment's modules evaluated with the values it passes,
// compared with the design.

const { CheckResult } = require('./result');
const { blocks, first } = require('./support');
const design = require('../design');
const { calledModule, findResource, instancesOf, label, moduleScope, resourcesOfType } = require('../config');
const { evaluate, isUnknown, parseCidr } = require('../expressions');

/** The module calls of an environment whose source is modules/<moduleName>. */
function callsOf(ws, env, moduleName) {
  return Object.keys(env.modules).filter((c) => calledModule(ws, env, c) === ws.modules[moduleName]);
}

/** Runs plan(where, scope) for the one call of modules/<moduleName> each environment must make. */
function eachEnvironmentCall(ws, moduleName, result, plan) {
  for (const env of Object.values(ws.environments)) {
    const calls = ws.modules[moduleName] ? callsOf(ws, env, moduleName) : [];
    result.require(calls.length === 1, label(env), `must call modules/${moduleName} exactly once`);
    for (const call of calls) {
      result.examined();
      plan(env, `${label(env)} module.${call}`, moduleScope(ws, env, call));
    }
  }
}

function planned(config, type, name, scope, attribute) {
  const r = findResource(config, 'resource', type, name);
  if (!r) return [];
  return instancesOf(config, r, scope).map((i) => ({ key: i.key, value: attribute(r.body, i.scope), scope: i.scope }));
}

const overlaps = (a, b) => {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x.base < y.base + y.size && y.base < x.base + x.size;
};

function subnetsMatchTheNetworkDesign(ws) {
  const result = new CheckResult();
  const net = ws.modules.networking;
  eachEnvironmentCall(ws, 'networking', result, (env, where, scope) => {
    const vpcs = planned(net, 'aws_vpc', 'this', scope, (b, s) => evaluate(b.cidr_block, s));
    result.require(vpcs.length === 1 && vpcs[0].value === design.vpcCidr, where, `VPC CIDR is ${vpcs.map((v) => v.value)}, design says ${design.vpcCidr}`);
    const tier = (name) => planned(net, 'aws_subnet', name, scope, (b, s) => ({ cidr: evaluate(b.cidr_block, s), az: evaluate(b.availability_zone, s) }))
      .map((p) => p.value).sort((a, b) => parseCidr(a.cidr).base - parseCidr(b.cidr).base);
    const pub = tier('public');
    const priv = tier('private');
    result.require(JSON.stringify(pub.map((s) => s.cidr)) === JSON.stringify(design.publicSubnets), where, `public subnets are ${pub.map((s) => s.cidr).join(', ')}, design says ${design.publicSubnets.join(', ')}`);
    result.require(JSON.stringify(priv.map((s) => s.cidr)) === JSON.stringify(design.privateSubnets), where, `private subnets are ${priv.map((s) => s.cidr).join(', ')}, design says ${design.privateSubnets.join(', ')}`);
    for (const [name, subnets] of [['public', pub], ['private', priv]]) {
      const zones = new Set(subnets.map((s) => s.az));
      result.require(zones.size === design.zoneCount && subnets.length === design.zoneCount, where, `${name} subnets span ${zones.size} zones (${[...zones].join(', ')}), design says ${design.zoneCount}`);
    }
    result.require(JSON.stringify(pub.map((s) => s.az)) === JSON.stringify(priv.map((s) => s.az)), where, 'public and private subnet i must share availability zone i');
    const region = env.variables.region && env.variables.region.body.default;
    for (const s of [...pub, ...priv]) result.require(typeof region === 'string' && String(s.az).startsWith(region), where, `zone ${s.az} is not in the environment's region ${region}`);
    const all = [...pub, ...priv].map((s) => s.cidr);
    for (const c of all) result.require(vpcs.length === 1 && overlaps(c, vpcs[0].value) && parseCidr(c).bits >= parseCidr(vpcs[0].value).bits, where, `${c} is outside the VPC`);
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => result.require(!overlaps(a, b), where, `${a} overlaps ${b}`)));
  });
  return result;
}

function natGatewaysFollowTheEnvironment(ws) {
  const result = new CheckResult();
  const net = ws.modules.networking;
  eachEnvironmentCall(ws, 'networking', result, (env, where, scope) => {
    const zones = planned(net, 'aws_subnet', 'private', scope, (b, s) => evaluate(b.availability_zone, s)).map((p) => p.value);
    const nats = planned(net, 'aws_nat_gateway', 'this', scope, (b, s) => evaluate(b.subnet_id, s));
    const routes = planned(net, 'aws_route_table', 'private', scope, (b, s) => blocks(b, 'route').map((r) => evaluate(r.nat_gateway_id, s)).find((v) => v !== undefined));
    for (const nat of nats) {
      const subnet = nat.value && nat.value.ref;
      result.require(subnet && subnet.type === 'aws_subnet' && subnet.name === 'public' && subnet.key === nat.key, where, `NAT gateway ${nat.key} must sit in the public subnet of its own zone, not ${nat.value}`);
    }
    if (design.highlyAvailable.has(env.name)) {
      result.require(nats.length === zones.length && zones.length === design.zoneCount, where, `needs one NAT gateway per zone (${zones.length}), plans ${nats.length}`);
      for (const rt of routes) {
        const target = rt.value && rt.value.ref;
        result.require(target && target.type === 'aws_nat_gateway' && target.key === rt.key, where, `private route table ${rt.key} must leave through the NAT gateway of its own zone, not ${rt.value}`);
      }
    } else {
      result.require(nats.length === 1, where, `a non-production environment shares one NAT gateway, plans ${nats.length}`);
      for (const rt of routes) {
        const target = rt.value && rt.value.ref;
        result.require(target && target.type === 'aws_nat_gateway' && nats.length === 1 && target.key === nats[0].key, where, `private route table ${rt.key} must use the shared NAT gateway, not ${rt.value}`);
      }
    }
    result.require(routes.length === zones.length, where, `every private subnet needs its own route table (${routes.length} for ${zones.length} zones)`);
  });
  return result;
}

function processorSecretsAreNamedPerEnvironmentAndRotated(ws) {
  const result = new CheckResult();
  const mod = ws.modules.secrets;
  eachEnvironmentCall(ws, 'secrets', result, (env, where, scope) => {
    const secrets = planned(mod, 'aws_secretsmanager_secret', 'processor', scope, (b, s) => evaluate(b.name, s));
    const expected = design.processors.map((p) => `${env.name}/voyager-gateway/${p}`);
    result.require(JSON.stringify(secrets.map((s) => s.value).sort()) === JSON.stringify(expected), where, `secrets are ${secrets.map((s) => s.value).join(', ')}, expected ${expected.join(', ')}`);
    const rotations = planned(mod, 'aws_secretsmanager_secret_rotation', 'processor', scope, (b, s) => ({
      secret: evaluate(b.secret_id, s), lambda: evaluate(b.rotation_lambda_arn, s), days: evaluate((first(b, 'rotation_rules') || {}).automatically_after_days, s),
    }));
    for (const secret of secrets) {
      const rotation = rotations.find((r) => r.value.secret && r.value.secret.ref && r.value.secret.ref.name === 'processor' && r.value.secret.ref.key === secret.key);
      if (!rotation) { result.fail(where, `${secret.value} has no rotation`); continue; }
      result.require(isUnknown(rotation.value.lambda), where, `${secret.value} must rotate with the Lambda passed in as a variable, not a literal ARN`);
      result.require(typeof rotation.value.days === 'number' && rotation.value.days <= design.maxRotationDays, where, `${secret.value} rotates after ${rotation.value.days} days, at most ${design.maxRotationDays}`);
    }
    const policies = resourcesOfType(mod, 'aws_secretsmanager_secret_policy');
    result.require(policies.length > 0 && policies.every((p) => p.body.block_public_policy === true), where, 'every secret needs a resource policy with block_public_policy = true');
  });
  return result;
}

module.exports = { subnetsMatchTheNetworkDesign, natGatewaysFollowTheEnvironment, processorSecretsAreNamedPerEnvironmentAndRotated };
