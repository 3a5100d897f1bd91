'use strict';
// Small helpers shared by the checks: block access on the hcl2json tree and reference tests.

const { findResource, instancesOf, rootScope, scopesFor, traceSources } = require('../config');
const { evaluate, isUnknown } = require('../expressions');

const REQUIRED_TAGS = ['Project', 'Environment', 'Owner', 'ManagedBy', 'DataClassification'];

/** Nested blocks come back from the parser as arrays of bodies. */
const blocks = (body, name) => (Array.isArray(body && body[name]) ? body[name] : []);
const first = (body, name) => blocks(body, name)[0];

const WORLD = (cidr) => typeof cidr === 'string' && /\/0$/.test(cidr);

/** true when every source of a value is an aws_kms_key resource (a customer managed key). */
function isCustomerManagedKey(ws, config, value, owner = null) {
  if (value === undefined || value === null) return false;
  const sources = traceSources(ws, config, value, owner);
  return sources.length > 0 && sources.every((s) => s.kind === 'resource' && s.type === 'aws_kms_key');
}

function tracesTo(ws, config, value, type, owner = null) {
  return traceSources(ws, config, value, owner).filter((s) => s.kind === 'resource' && s.type === type);
}

const refersTo = (value, type) => isUnknown(value) && value.ref && value.ref.type === type;
const asList = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

const SERVICE_ACCOUNTS = {
  gateway_irsa_role_arn: 'system:serviceaccount:voyager:voyager-gateway',
  eso_irsa_role_arn: 'system:serviceaccount:external-secrets:external-secrets',
};

/** The IAM role behind an environment output, with the module scope it is evaluated in. */
function roleBehindOutput(ws, env, outputName) {
  const output = env.outputs[outputName];
  if (!output) return [];
  return tracesTo(ws, env, output.body.value, 'aws_iam_role').map((source) => {
    const role = findResource(source.config, 'resource', 'aws_iam_role', source.name);
    const scopes = scopesFor(ws, source.config).filter((s) => s.root === env || source.config === env);
    return { config: source.config, role, scope: scopes.length ? scopes[0].scope : rootScope(ws, env) };
  });
}

/** Evaluated statements of the aws_iam_policy_document a policy argument points at. */
function policyStatements(config, value, scope) {
  const evaluated = evaluate(value, scope);
  if (!refersTo(evaluated, 'aws_iam_policy_document') || evaluated.ref.kind !== 'data') return null;
  const doc = findResource(config, 'data', 'aws_iam_policy_document', evaluated.ref.name);
  if (!doc) return null;
  const instance = instancesOf(config, doc, scope).find((i) => evaluated.ref.key === undefined || i.key === evaluated.ref.key);
  return instance ? asList(evaluate(doc.body.statement, instance.scope)) : null;
}

module.exports = {
  REQUIRED_TAGS, SERVICE_ACCOUNTS, WORLD, asList, blocks, first, isCustomerManagedKey, policyStatements, refersTo, roleBehindOutput, tracesTo,
};
