'use strict';
// Every check must hold for terraform/ and must reject its deliberately broken fixture, with the
// violation it exists to find.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadWorkspace } = require('./lib/config');

const TERRAFORM = path.join(__dirname, '..');
const FIXTURES = path.join(__dirname, 'fixtures');

const SUITES = {
  consistency: require('./lib/checks/consistency'),
  policies: require('./lib/checks/policies'),
  environments: require('./lib/checks/environments'),
  'network plan': require('./lib/checks/plan'),
  'provider schema': require('./lib/checks/schema'),
  'plan-time values': require('./lib/checks/inputs'),
  readme: require('./lib/checks/readme'),
};

const BROKEN = {
  everyVariableReferenceIsDeclared: ['broken-undeclared-variable', /var\.cidr is not declared/],
  everyLocalReferenceIsDeclared: ['broken-undeclared-local', /local\.vpc_name is not declared/],
  moduleCallsPassEveryRequiredInputAndNoUnknownOne: ['broken-module-inputs', /required input name is not passed/, /input colour is not a variable of module vpc/],
  moduleOutputReferencesExist: ['broken-module-output', /module\.vpc\.subnet_ids is not an output of module vpc/],
  resourceReferencesExist: ['broken-resource-reference', /aws_vpc\.main is not declared/, /data\.aws_region\.here is not declared/],
  noUnusedVariables: ['broken-unused-variable', /variable enable_ipv6 is declared but never used/],
  noDependencyCycles: ['broken-dependency-cycle', /dependency cycle: modules\/groups:aws_security_group\.(alb|nodes) -> modules\/groups:aws_security_group\.(nodes|alb) -> modules\/groups:aws_security_group\.\1/],
  everyModuleHasDocumentedTypedInputs: ['broken-undocumented-module', /README\.md is missing/, /outputs\.tf is missing/, /variable cidr has no type/,
    /variable cidr has no description/, /variable cidr has no validation/, /must not configure providers/],

  noSecurityGroupIngressFromAnywhereExceptAlbOn443: ['broken-open-ingress', /aws_security_group\.nodes inline ingress .*0\.0\.0\.0\/0 on tcp 22-22/,
    /alb_http .*0\.0\.0\.0\/0 on tcp 80-80/, /aws_security_group_rule\.nodes_ipv6 .*::\/0 on tcp 443-443/],
  storageAndSecretsAreEncryptedWithCmk: ['broken-unencrypted-storage', /aws_cloudwatch_log_group\.app: kms_key_id must reference/,
    /aws_secretsmanager_secret\.stripe: kms_key_id must reference/, /aws_launch_template\.nodes: EBS volume must set encrypted = true/,
    /aws_dynamodb_table\.locks: server_side_encryption/, /aws_s3_bucket\.state: bucket needs/],
  kmsKeyRotationIsOn: ['broken-kms-rotation-off', /aws_kms_key\.secrets: enable_key_rotation must be true/, /aws_kms_key\.logs: rotation_period_in_days/],
  imdsV2IsRequiredOnEveryNode: ['broken-imdsv1-nodes', /http_tokens must be "required"/, /hop_limit must be 1/,
    /aws_eks_node_group\.default: must use one of our aws_launch_template/],
  eksEndpointIsNotOpenToTheWorld: ['broken-public-eks-endpoint', /aws_eks_cluster\.this .*public endpoint open to 0\.0\.0\.0\/0/,
    /aws_eks_cluster\.defaults .*endpoint_private_access must be true/, /aws_eks_cluster\.defaults .*0\.0\.0\.0\/0 \(AWS default\)/,
    /variable\.api_cidrs: its validation must reject 0\.0\.0\.0\/0/],
  nodesRunOnlyInPrivateSubnets: ['broken-nodes-in-public-subnets', /aws_eks_node_group\.default: aws_subnet\.public routes through aws_route_table\.public to an internet gateway/,
    /aws_eks_cluster\.this: subnet_ids must come only from aws_subnet resources/],
  esoRoleReadsOnlyTheVoyagerSecretsPrefix: ['broken-eso-scope', /environments\/dev .*resource arn:.*:secret:prod\/voyager-gateway\/\* is outside dev\/voyager-gateway\/\*/,
    /environments\/prod .*action secretsmanager:\* is more than reading a secret/, /environments\/prod .*:secret:\* is outside prod\/voyager-gateway\/\*/,
    /kms:Decrypt must name the secrets CMK/, /kms:Decrypt must be limited to kms:ViaService/, /aws_iam_role_policy_attachment\.eso_managed attaches a managed policy/],
  irsaRolesTrustOnlyTheirServiceAccount: ['broken-irsa-trust', /aws_iam_role\.gateway: trust must be StringEquals :sub = system:serviceaccount:voyager:voyager-gateway/,
    /aws_iam_role\.eso: trust must be StringEquals :sub = system:serviceaccount:external-secrets:external-secrets/, /aws_iam_role\.eso: trust must require :aud/],
  everyTaggableResourceGetsTheDefaultTags: ['broken-missing-default-tags', /environments\/prod: provider "aws" has no default_tags/,
    /environments\/dev: default_tags lack Owner/, /default tag Environment is prod, expected dev/, /no tag_specifications for volume/,
    /no tag_specifications for network-interface/, /\(prod module\.nodes\): instance tags lack Owner/, /tag Environment=staging contradicts the default prod/],
  secretValuesAreNeverInCode: ['broken-secret-in-code', /aws_secretsmanager_secret_version\.stripe: secret values are written by operators/,
    /secret_string puts a secret value in code/, /access_key_id looks like a credential/],

  remoteStateIsS3WithDynamoDbLock: ['broken-local-state', /environments\/dev: needs exactly one backend, of type "s3"; found local/,
    /environments\/prod: backend "s3" needs dynamodb_table/, /backend "s3" needs kms_key_id/, /must set encrypt = true/, /should name the environment/],
  terraformAndAwsProviderArePinned: ['broken-unpinned-provider', /modules\/vpc: needs exactly one required_version/, /aws provider version ">= 5\.0" must be pinned/,
    /required_version ">= 1\.0" needs a lower and an upper bound/, /source is example\/aws/, /disagree on the aws provider/],
  devIsSmallerAndCheaperThanProd: ['broken-dev-bigger-than-prod', /dev shares a single NAT gateway/, /prod has a NAT gateway per zone/,
    /dev may grow to 40 nodes, more than prod's minimum 2/, /at least one node per zone/, /must be on-demand/, /deletion protection/],
  environmentsExportWhatSrcDeployReads: ['broken-missing-outputs', /output\.gateway_irsa_role_arn: is missing/, /output\.cluster_name: needs a description/,
    /output\.cluster_name: must come from exactly one aws_eks_cluster/, /output\.eso_irsa_role_arn: must come from exactly one aws_iam_role/],

  subnetsMatchTheNetworkDesign: ['broken-network-plan', /public subnets are 10\.0\.0\.0\/20, 10\.0\.16\.0\/20, 10\.0\.96\.0\/20, design says/,
    /private subnets are .*design says/, /zone us-west-2c is not in the environment's region us-east-1/, /10\.0\.64\.0\/20 overlaps 10\.0\.64\.0\/21/],
  natGatewaysFollowTheEnvironment: ['broken-nat-layout', /environments\/prod module\.networking: needs one NAT gateway per zone \(3\), plans 1/,
    /private route table us-east-1b must leave through the NAT gateway of its own zone/, /environments\/dev module\.networking: a non-production environment shares one NAT gateway, plans 3/],
  processorSecretsAreNamedPerEnvironmentAndRotated: ['broken-secrets-plan', /expected dev\/voyager-gateway\/adyen, dev\/voyager-gateway\/mercadopago, dev\/voyager-gateway\/stripe/,
    /rotates after 365 days, at most 90/, /not a literal ARN/],

  resourceArgumentsMatchTheAwsProviderSchema: ['broken-unknown-argument', /aws_kms_key\.cluster: enable_rotation is not an argument of aws_kms_key/,
    /vpc_config\.endpoint_public is not an argument/, /encryption_config is a block/, /statement\.action is not an argument of data\.aws_iam_policy_document/,
    /aws_eks_clusterr\.typo: is not a resource of hashicorp\/aws/],
  requiredArgumentsOfAwsResourcesArePresent: ['broken-missing-required-argument', /aws_eks_cluster\.this: required argument role_arn is missing/,
    /required block vpc_config is missing/, /aws_subnet\.a: required argument vpc_id is missing/, /required argument scaling_config\.max_size is missing/],
  awsArgumentsHaveTheirSchemaTypes: ['broken-argument-types', /aws_kms_key\.cluster .*description must be a string, got \["cluster key"\]/,
    /deletion_window_in_days must be a number, got "thirty"/, /enable_key_rotation must be a bool, got "yes"/, /tags must be a map/,
    /aws_eks_cluster\.this .*enabled_cluster_log_types must be a list of primitives, got "api"/, /vpc_config\.subnet_ids must be a list of primitives/],
  referencedAwsAttributesExist: ['broken-unknown-attribute-reference', /arn_sufix is not an attribute of aws_lb/,
    /issuer_url is not an attribute of aws_eks_cluster/, /account is not an attribute of data\.aws_caller_identity/],

  moduleInputsPassTheirValidations: ['broken-invalid-module-inputs', /module\.networking var\.public_subnet_cidrs: .* fails its validation: public_subnet_cidrs must hold one IPv4 CIDR per availability zone/,
    /var\.ingress_node_port: 443 fails its validation/, /var\.flow_log_retention_days: 30 fails its validation/,
    /module\.kubernetes var\.environment: "production" fails its validation/, /var\.kubernetes_version: "v1\.34" fails its validation/,
    /var\.endpoint_public_access_cidrs: \["0\.0\.0\.0\/0"\] fails its validation/,
    /environments\/dev \(terraform\.tfvars\.example\) module\.kubernetes var\.acm_certificate_arn: .* fails its validation: acm_certificate_arn must be an ACM certificate ARN/,
    /environments\/dev \(terraform\.tfvars\.example\): sets colour, which is not a variable/],
  forEachAndCountAreKnownAtPlan: ['broken-unknown-for-each', /aws_cloudwatch_metric_alarm\.per_node_group .*for_each depends on .*only knows after apply/,
    /aws_cloudwatch_metric_alarm\.per_subnet_id .*count depends on/],

  moduleReadmesDocumentEveryInputAndOutput: ['broken-readme-drift', /Inputs: name is declared but not documented/,
    /Inputs: colour is documented but not declared/, /tables differ from variables\.tf\/outputs\.tf/],
};

const realWorkspace = loadWorkspace(TERRAFORM);

for (const [suite, checks] of Object.entries(SUITES)) {
  describe(suite, () => {
    for (const [name, check] of Object.entries(checks)) {
      const [fixture, ...expected] = BROKEN[name] || [];

      test(`${name} holds for terraform/`, async () => {
        const result = check(await realWorkspace);
        assert.deepEqual(result.violations, []);
        assert.ok(result.checked > 0, `${name} examined nothing, so it proves nothing`);
      });

      test(`${name} rejects fixtures/${fixture}`, async () => {
        assert.ok(fixture, `${name} has no broken fixture`);
        const result = check(await loadWorkspace(path.join(FIXTURES, fixture)));
        for (const pattern of expected) {
          assert.ok(result.violations.some((v) => pattern.test(v)), `expected a violation matching ${pattern}, got:\n  ${result.violations.join('\n  ')}`);
        }
      });
    }
  });
}

test('every rule has its own broken fixture and every fixture belongs to a rule', () => {
  const checkNames = Object.values(SUITES).flatMap((s) => Object.keys(s));
  assert.deepEqual(Object.keys(BROKEN).sort(), checkNames.sort());
  const used = Object.values(BROKEN).map(([fixture]) => fixture);
  assert.equal(new Set(used).size, used.length, 'two rules share a fixture');
  const onDisk = fs.readdirSync(FIXTURES).filter((d) => d.startsWith('broken-') && !['broken-syntax', 'broken-format'].includes(d));
  assert.deepEqual(onDisk.sort(), [...used].sort());
});
