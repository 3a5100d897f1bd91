'use strict';
// Security policies, one function per rule, each named after the rule it enforces.

const { CheckResult } = require('./result');
const {
  REQUIRED_TAGS, SERVICE_ACCOUNTS, WORLD, asList, blocks, first, isCustomerManagedKey, policyStatements, refersTo, roleBehindOutput, tracesTo,
} = require('./support');
const { allConfigs, findResource, instancesOf, label, resourcesOfType, rootScope, scopesFor, traceSources } = require('../config');
const { evaluate, isUnknown, traversalsIn, walkValues } = require('../expressions');

const HTTPS = 443;

// ------------------------------------------------------------------ network exposure

/** Security groups attached to internet-facing application load balancers, as "dir:name". */
function publicAlbSecurityGroups(ws) {
  const groups = new Set();
  for (const config of allConfigs(ws)) {
    for (const lb of resourcesOfType(config, 'aws_lb')) {
      const type = lb.body.load_balancer_type || 'application';
      if (type !== 'application' || lb.body.internal === true) continue;
      for (const sg of tracesTo(ws, config, lb.body.security_groups, 'aws_security_group')) groups.add(`${sg.config.dir}:${sg.name}`);
    }
  }
  return groups;
}

function noSecurityGroupIngressFromAnywhereExceptAlbOn443(ws) {
  const result = new CheckResult();
  const albGroups = publicAlbSecurityGroups(ws);
  const judge = (where, cidrs, groupKeys, protocol, fromPort, toPort) => {
    result.examined();
    if (cidrs.some(isUnknown)) { result.fail(where, 'ingress CIDR is not known before apply, so it cannot be proven closed'); return; }
    if (!cidrs.some(WORLD)) return;
    const toAlb = groupKeys.length > 0 && groupKeys.every((k) => albGroups.has(k));
    const https = String(protocol) === 'tcp' && fromPort === HTTPS && toPort === HTTPS;
    result.require(toAlb && https, where, `ingress from ${cidrs.filter(WORLD).join(', ')} on ${protocol} ${fromPort}-${toPort}; only the public ALB may be open to the world, and only on tcp 443`);
  };
  for (const config of allConfigs(ws)) {
    for (const { where: scopeName, scope } of scopesFor(ws, config)) {
      const sgKeys = (value, owner) => tracesTo(ws, config, value, 'aws_security_group', owner).map((s) => `${s.config.dir}:${s.name}`);
      for (const rule of resourcesOfType(config, 'aws_vpc_security_group_ingress_rule')) {
        for (const { key, scope: s } of instancesOf(config, rule, scope)) {
          const cidrs = ['cidr_ipv4', 'cidr_ipv6'].filter((a) => a in rule.body).map((a) => evaluate(rule.body[a], s));
          judge(`${label(config)} ${rule.address}${key === undefined ? '' : `[${key}]`} (${scopeName})`, cidrs, sgKeys(rule.body.security_group_id, rule),
            evaluate(rule.body.ip_protocol, s), evaluate(rule.body.from_port, s), evaluate(rule.body.to_port, s));
        }
      }
      for (const rule of resourcesOfType(config, 'aws_security_group_rule')) {
        for (const { scope: s } of instancesOf(config, rule, scope)) {
          if (evaluate(rule.body.type, s) !== 'ingress') continue;
          const cidrs = [...asList(evaluate(rule.body.cidr_blocks, s)), ...asList(evaluate(rule.body.ipv6_cidr_blocks, s))];
          judge(`${label(config)} ${rule.address} (${scopeName})`, cidrs, sgKeys(rule.body.security_group_id, rule),
            evaluate(rule.body.protocol, s), evaluate(rule.body.from_port, s), evaluate(rule.body.to_port, s));
        }
      }
      for (const type of ['aws_security_group', 'aws_default_security_group']) {
        for (const sg of resourcesOfType(config, type)) {
          for (const ingress of blocks(sg.body, 'ingress')) {
            const cidrs = [...asList(evaluate(ingress.cidr_blocks, scope)), ...asList(evaluate(ingress.ipv6_cidr_blocks, scope))];
            judge(`${label(config)} ${sg.address} inline ingress (${scopeName})`, cidrs, [`${config.dir}:${sg.name}`],
              evaluate(ingress.protocol, scope), evaluate(ingress.from_port, scope), evaluate(ingress.to_port, scope));
          }
        }
      }
    }
  }
  return result;
}

// ------------------------------------------------------------------ encryption

const CMK_ATTRIBUTE = {
  aws_cloudwatch_log_group: 'kms_key_id',
  aws_secretsmanager_secret: 'kms_key_id',
  aws_sns_topic: 'kms_master_key_id',
  aws_sqs_queue: 'kms_master_key_id',
  aws_ebs_volume: 'kms_key_id',
  aws_efs_file_system: 'kms_key_id',
  aws_db_instance: 'kms_key_id',
  aws_rds_cluster: 'kms_key_id',
  aws_kinesis_stream: 'kms_key_id',
  aws_ecr_repository: null,
  aws_elasticache_replication_group: 'kms_key_id',
};

function storageAndSecretsAreEncryptedWithCmk(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    const cmk = (value, owner) => isCustomerManagedKey(ws, config, value, owner);
    for (const r of config.resources.filter((x) => x.mode === 'resource')) {
      const where = `${label(config)} ${r.address}`;
      if (r.type in CMK_ATTRIBUTE) {
        result.examined();
        const attribute = CMK_ATTRIBUTE[r.type];
        if (attribute === null) result.fail(where, 'no customer-managed-key rule exists for this storage type yet; add one before using it');
        else result.require(cmk(r.body[attribute], r), where, `${attribute} must reference a customer managed aws_kms_key (an AWS managed key or none is not enough)`);
        if (r.type === 'aws_ebs_volume') result.require(r.body.encrypted === true, where, 'encrypted must be true');
      } else if (r.type === 'aws_eks_cluster') {
        result.examined();
        const enc = first(r.body, 'encryption_config');
        result.require(enc && asList(enc.resources).includes('secrets'), where, 'encryption_config must cover Kubernetes secrets');
        result.require(enc && cmk(first(enc, 'provider') && first(enc, 'provider').key_arn, r), where, 'Kubernetes secrets must be envelope-encrypted with a customer managed aws_kms_key');
      } else if (r.type === 'aws_launch_template') {
        result.examined();
        const volumes = blocks(r.body, 'block_device_mappings').flatMap((m) => blocks(m, 'ebs'));
        result.require(volumes.length > 0, where, 'declares no EBS root volume, so its encryption is left to the AMI');
        for (const ebs of volumes) {
          result.require(ebs.encrypted === true, where, 'EBS volume must set encrypted = true');
          result.require(cmk(ebs.kms_key_id, r), where, 'EBS volume must be encrypted with a customer managed aws_kms_key');
        }
      } else if (r.type === 'aws_dynamodb_table') {
        result.examined();
        const sse = first(r.body, 'server_side_encryption');
        result.require(sse && sse.enabled === true && cmk(sse.kms_key_arn, r), where, 'server_side_encryption must be enabled with a customer managed aws_kms_key');
      } else if (r.type === 'aws_s3_bucket') {
        result.examined();
        const encryption = resourcesOfType(config, 'aws_s3_bucket_server_side_encryption_configuration')
          .filter((e) => tracesTo(ws, config, e.body.bucket, 'aws_s3_bucket', e).some((b) => b.name === r.name));
        const byKms = encryption.some((e) => blocks(e.body, 'rule').some((rule) => blocks(rule, 'apply_server_side_encryption_by_default')
          .some((d) => String(d.sse_algorithm).startsWith('aws:kms') && cmk(d.kms_master_key_id, e))));
        result.require(byKms, where, 'bucket needs an aws_s3_bucket_server_side_encryption_configuration using aws:kms with a customer managed aws_kms_key');
      }
    }
  }
  return result;
}

function kmsKeyRotationIsOn(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const key of resourcesOfType(config, 'aws_kms_key')) {
      result.examined();
      const where = `${label(config)} ${key.address}`;
      result.require(key.body.enable_key_rotation === true, where, 'enable_key_rotation must be true');
      if ('rotation_period_in_days' in key.body) {
        result.require(key.body.rotation_period_in_days >= 90 && key.body.rotation_period_in_days <= 365, where, 'rotation_period_in_days must be 90-365');
      }
    }
  }
  return result;
}

// ------------------------------------------------------------------ nodes

function imdsV2IsRequiredOnEveryNode(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const type of ['aws_launch_template', 'aws_instance']) {
      for (const r of resourcesOfType(config, type)) {
        result.examined();
        const where = `${label(config)} ${r.address}`;
        const metadata = first(r.body, 'metadata_options');
        result.require(metadata && metadata.http_tokens === 'required', where, 'metadata_options.http_tokens must be "required" (IMDSv2 only)');
        result.require(metadata && metadata.http_put_response_hop_limit === 1, where, 'metadata_options.http_put_response_hop_limit must be 1 so pods cannot reach the node role');
      }
    }
    for (const group of resourcesOfType(config, 'aws_eks_node_group')) {
      result.examined();
      const template = first(group.body, 'launch_template');
      const where = `${label(config)} ${group.address}`;
      const templates = template ? tracesTo(ws, config, template.id || template.name, 'aws_launch_template', group) : [];
      result.require(templates.length > 0, where, 'must use one of our aws_launch_template resources; the EKS default template does not enforce IMDSv2');
    }
  }
  return result;
}

function eksEndpointIsNotOpenToTheWorld(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    for (const cluster of resourcesOfType(config, 'aws_eks_cluster')) {
      const vpc = first(cluster.body, 'vpc_config') || {};
      for (const { where: scopeName, scope } of scopesFor(ws, config)) {
        result.examined();
        const where = `${label(config)} ${cluster.address} (${scopeName})`;
        result.require(evaluate(vpc.endpoint_private_access, scope) === true, where, 'endpoint_private_access must be true');
        // AWS defaults to a public endpoint open to 0.0.0.0/0 when these are left out.
        const isPublic = vpc.endpoint_public_access === undefined ? true : evaluate(vpc.endpoint_public_access, scope);
        if (isPublic === false) continue;
        const cidrs = vpc.public_access_cidrs === undefined ? ['0.0.0.0/0 (AWS default)'] : evaluate(vpc.public_access_cidrs, scope);
        if (!Array.isArray(cidrs) || cidrs.some(isUnknown)) { result.fail(where, 'public endpoint CIDRs are not known before apply'); continue; }
        result.require(cidrs.length > 0, where, 'a public endpoint needs an explicit CIDR allow-list');
        for (const c of cidrs) result.require(!WORLD(c.split(' ')[0]), where, `public endpoint open to ${c}`);
      }
      // Whatever an environment passes in later, the variable itself must refuse a world-open list.
      for (const name of new Set(traversalsIn(vpc.public_access_cidrs).filter((t) => t.root === 'var').map((t) => t.parts[0]))) {
        const declared = config.variables[name];
        if (!declared) continue;
        const rejects = blocks(declared.body, 'validation').some((v) => evaluate(v.condition, { vars: { [name]: ['0.0.0.0/0'] }, locals: {} }) === false);
        result.require(rejects, `${label(config)} variable.${name}`, 'its validation must reject 0.0.0.0/0');
      }
    }
  }
  return result;
}

/** A subnet is private when it hands out no public IPs and none of its route tables leads to an internet gateway. */
function subnetIsPrivate(ws, config, subnetName, scope) {
  const subnet = findResource(config, 'resource', 'aws_subnet', subnetName);
  if (!subnet) return { ok: false, why: `aws_subnet.${subnetName} not found` };
  if (evaluate(subnet.body.map_public_ip_on_launch, scope) === true) return { ok: false, why: `aws_subnet.${subnetName} maps public IPs on launch` };
  const associations = resourcesOfType(config, 'aws_route_table_association')
    .filter((a) => tracesTo(ws, config, a.body.subnet_id, 'aws_subnet', a).some((s) => s.name === subnetName));
  if (associations.length === 0) return { ok: false, why: `aws_subnet.${subnetName} has no explicit route table (the VPC main table applies)` };
  for (const association of associations) {
    for (const table of tracesTo(ws, config, association.body.route_table_id, 'aws_route_table', association)) {
      const rt = findResource(config, 'resource', 'aws_route_table', table.name);
      const routes = [...blocks(rt.body, 'route'), ...resourcesOfType(config, 'aws_route')
        .filter((r) => tracesTo(ws, config, r.body.route_table_id, 'aws_route_table', r).some((t) => t.name === table.name)).map((r) => r.body)];
      if (routes.some((route) => tracesTo(ws, config, route.gateway_id, 'aws_internet_gateway').length > 0)) {
        return { ok: false, why: `aws_subnet.${subnetName} routes through aws_route_table.${table.name} to an internet gateway` };
      }
    }
  }
  return { ok: true };
}

function nodesRunOnlyInPrivateSubnets(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    const placements = [
      ...resourcesOfType(config, 'aws_eks_node_group').map((g) => ({ r: g, value: g.body.subnet_ids })),
      ...resourcesOfType(config, 'aws_eks_cluster').map((c) => ({ r: c, value: (first(c.body, 'vpc_config') || {}).subnet_ids })),
    ];
    for (const { r, value } of placements) {
      result.examined();
      const where = `${label(config)} ${r.address}`;
      const sources = traceSources(ws, config, value, r);
      const subnets = sources.filter((s) => s.kind === 'resource' && s.type === 'aws_subnet');
      result.require(subnets.length > 0 && subnets.length === sources.length, where, `subnet_ids must come only from aws_subnet resources, found ${sources.map((s) => s.type || s.variable || 'a literal').join(', ')}`);
      for (const s of subnets) {
        for (const { scope } of scopesFor(ws, s.config)) {
          const verdict = subnetIsPrivate(ws, s.config, s.name, scope);
          result.require(verdict.ok, where, verdict.why);
        }
      }
    }
  }
  return result;
}

// ------------------------------------------------------------------ IRSA

const ESO_ALLOWED_ACTIONS = new Set(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds', 'kms:Decrypt']);

function irsaRolesTrustOnlyTheirServiceAccount(ws) {
  const result = new CheckResult();
  for (const env of Object.values(ws.environments)) {
    for (const [outputName, subject] of Object.entries(SERVICE_ACCOUNTS)) {
      const roles = roleBehindOutput(ws, env, outputName);
      result.require(roles.length === 1, `${label(env)} output.${outputName}`, 'must come from exactly one aws_iam_role');
      for (const { config, role, scope } of roles) {
        result.examined();
        const where = `${label(env)} ${label(config)} ${role.address}`;
        const statements = policyStatements(config, role.body.assume_role_policy, scope);
        if (!statements) { result.fail(where, 'assume_role_policy must be an aws_iam_policy_document'); continue; }
        for (const st of statements) {
          const conditions = blocks(st, 'condition');
          const sub = conditions.filter((c) => String(c.variable).endsWith(':sub'));
          const aud = conditions.filter((c) => String(c.variable).endsWith(':aud'));
          result.require(JSON.stringify(st.actions) === JSON.stringify(['sts:AssumeRoleWithWebIdentity']), where, 'trust must allow only sts:AssumeRoleWithWebIdentity');
          result.require(blocks(st, 'principals').every((p) => p.type === 'Federated' && asList(p.identifiers).every((i) => refersTo(i, 'aws_iam_openid_connect_provider'))), where, 'trust principal must be the cluster OIDC provider');
          result.require(sub.length === 1 && sub[0].test === 'StringEquals' && JSON.stringify(sub[0].values) === JSON.stringify([subject]), where, `trust must be StringEquals :sub = ${subject}, got ${JSON.stringify(sub.map((c) => [c.test, c.values]))}`);
          result.require(aud.length === 1 && JSON.stringify(aud[0].values) === JSON.stringify(['sts.amazonaws.com']), where, 'trust must require :aud = sts.amazonaws.com');
        }
      }
    }
  }
  return result;
}

function esoRoleReadsOnlyTheVoyagerSecretsPrefix(ws) {
  const result = new CheckResult();
  for (const env of Object.values(ws.environments)) {
    const prefix = `${env.name}/voyager-gateway/`;
    const secretArn = new RegExp(`^arn:[^:*]+:secretsmanager:[^:*]+:[^:*]+:secret:${prefix.replace(/\//g, '\\/')}[^*]*\\*?$`);
    const roles = roleBehindOutput(ws, env, 'eso_irsa_role_arn');
    result.require(roles.length === 1, `${label(env)} output.eso_irsa_role_arn`, 'must come from exactly one aws_iam_role');
    for (const { config, role, scope } of roles) {
      const where = `${label(env)} ${label(config)} ${role.address}`;
      const attachedTo = (r) => tracesTo(ws, config, r.body.role, 'aws_iam_role', r).some((x) => x.name === role.name);
      result.require(blocks(role.body, 'inline_policy').length === 0, where, 'inline_policy blocks are not allowed; use aws_iam_role_policy');
      for (const type of ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment']) {
        for (const a of resourcesOfType(config, type).filter(attachedTo)) result.fail(where, `${a.address} attaches a managed policy, which cannot be scoped to ${prefix}`);
      }
      const policies = resourcesOfType(config, 'aws_iam_role_policy').filter(attachedTo);
      result.require(policies.length > 0, where, 'has no aws_iam_role_policy, so it cannot read the secrets');
      for (const policy of policies) {
        result.examined();
        const statements = policyStatements(config, policy.body.policy, scope);
        if (!statements) { result.fail(`${where} ${policy.address}`, 'policy must be an aws_iam_policy_document so it can be checked'); continue; }
        for (const st of statements) {
          const at = `${where} ${policy.address} statement ${st.sid || ''}`.trim();
          if ((st.effect || 'Allow') === 'Deny') continue;
          result.require(!('not_actions' in st) && !('not_resources' in st), at, 'NotAction/NotResource grant more than they name');
          const actions = asList(st.actions);
          for (const action of actions) result.require(ESO_ALLOWED_ACTIONS.has(action), at, `action ${action} is more than reading a secret`);
          const resources = asList(st.resources);
          if (actions.some((a) => a.startsWith('secretsmanager:'))) {
            for (const arn of resources) result.require(typeof arn === 'string' && secretArn.test(arn), at, `resource ${arn} is outside ${prefix}*`);
            result.require(resources.length > 0, at, 'names no resource');
          }
          if (actions.some((a) => a.startsWith('kms:'))) {
            result.require(resources.length > 0 && resources.every((r) => refersTo(r, 'aws_kms_key')), at, 'kms:Decrypt must name the secrets CMK, not *');
            result.require(blocks(st, 'condition').some((c) => c.variable === 'kms:ViaService' && asList(c.values).every((v) => String(v).startsWith('secretsmanager.'))), at, 'kms:Decrypt must be limited to kms:ViaService secretsmanager');
          }
        }
      }
    }
  }
  return result;
}

// ------------------------------------------------------------------ tags and secrets

function defaultTagsOf(ws, root) {
  return blocks({ p: root.providers.filter((p) => p.name === 'aws').map((p) => p.body) }, 'p')
    .map((body) => first(body, 'default_tags'))
    .map((d) => (d ? evaluate(d.tags, rootScope(ws, root)) : null));
}

function everyTaggableResourceGetsTheDefaultTags(ws) {
  const result = new CheckResult();
  for (const root of ws.roots) {
    if (root.resources.length === 0 && Object.keys(root.modules).length === 0) continue;
    result.examined();
    const tagSets = defaultTagsOf(ws, root);
    result.require(tagSets.length > 0, label(root), 'configures no aws provider, so nothing gets default tags');
    for (const tags of tagSets) {
      if (!tags || isUnknown(tags)) { result.fail(label(root), 'provider "aws" has no default_tags'); continue; }
      for (const key of REQUIRED_TAGS) result.require(typeof tags[key] === 'string' || isUnknown(tags[key]), label(root), `default_tags lack ${key}`);
      if (root.kind === 'environment') result.require(tags.Environment === root.name, label(root), `default tag Environment is ${tags.Environment}, expected ${root.name}`);
    }
  }
  for (const config of allConfigs(ws)) {
    for (const { where: scopeName, root, scope } of scopesFor(ws, config)) {
      const envTags = root ? (defaultTagsOf(ws, root)[0] || {}) : {};
      // Instances, volumes and ENIs launched by Auto Scaling are out of the provider's reach.
      for (const lt of resourcesOfType(config, 'aws_launch_template')) {
        result.examined();
        const where = `${label(config)} ${lt.address} (${scopeName})`;
        const specs = blocks(lt.body, 'tag_specifications');
        for (const type of ['instance', 'volume', 'network-interface']) {
          const spec = specs.find((s) => s.resource_type === type);
          if (!spec) { result.fail(where, `no tag_specifications for ${type}`); continue; }
          const tags = evaluate(spec.tags, scope);
          for (const key of REQUIRED_TAGS) result.require(tags && !isUnknown(tags) && key in tags, where, `${type} tags lack ${key}`);
        }
      }
      for (const asg of resourcesOfType(config, 'aws_autoscaling_group')) {
        result.examined();
        const keys = blocks(asg.body, 'tag').filter((t) => t.propagate_at_launch === true).map((t) => evaluate(t.key, scope));
        for (const key of REQUIRED_TAGS) result.require(keys.includes(key), `${label(config)} ${asg.address}`, `does not propagate tag ${key} to its instances`);
      }
      // A resource may add tags, but not contradict the defaults.
      for (const r of config.resources.filter((x) => x.mode === 'resource' && x.body.tags !== undefined)) {
        for (const { scope: s } of instancesOf(config, r, scope)) {
          const tags = evaluate(r.body.tags, s);
          if (!tags || isUnknown(tags)) continue;
          for (const key of REQUIRED_TAGS) {
            if (key in tags && key in envTags) result.require(tags[key] === envTags[key], `${label(config)} ${r.address} (${scopeName})`, `tag ${key}=${tags[key]} contradicts the default ${envTags[key]}`);
          }
        }
      }
    }
  }
  return result;
}

const SECRET_LOOKING = /(sk_(live|test)_[0-9A-Za-z]{8,}|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----)/;

function secretValuesAreNeverInCode(ws) {
  const result = new CheckResult();
  for (const config of allConfigs(ws)) {
    result.examined();
    for (const r of resourcesOfType(config, 'aws_secretsmanager_secret_version')) result.fail(`${label(config)} ${r.address}`, 'secret values are written by operators and rotation, never by Terraform');
    for (const [file, json] of Object.entries(config.files)) {
      walkValues(json, [], (value, path) => {
        if (path.includes('secret_string') || path.includes('secret_binary')) result.fail(`${label(config)}/${file}`, `${path.join('.')} puts a secret value in code`);
        if (typeof value === 'string' && SECRET_LOOKING.test(value)) result.fail(`${label(config)}/${file}`, `${path.join('.')} looks like a credential`);
      });
    }
  }
  return result;
}

module.exports = {
  noSecurityGroupIngressFromAnywhereExceptAlbOn443,
  storageAndSecretsAreEncryptedWithCmk,
  kmsKeyRotationIsOn,
  imdsV2IsRequiredOnEveryNode,
  eksEndpointIsNotOpenToTheWorld,
  nodesRunOnlyInPrivateSubnets,
  esoRoleReadsOnlyTheVoyagerSecretsPrefix,
  irsaRolesTrustOnlyTheirServiceAccount,
  everyTaggableResourceGetsTheDefaultTags,
  secretValuesAreNeverInCode,
};
