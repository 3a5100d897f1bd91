// The generated manifests are committed so GitOps tools can apply the overlays from git; these tests fail when
// a committed copy differs from a fresh generation (fix: run src-deploy/generate.sh and commit).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GENERATED_PROMETHEUS_RULE, GENERATED_WORKLOAD, QUARKUS_WORKLOAD } from './lib/paths.mjs';
import { prometheusRuleYaml } from './lib/prometheus-rule.mjs';
import { missing } from './lib/tools.mjs';

const STALE = 'is stale: run src-deploy/generate.sh and commit src-deploy/base/generated/';

test('committedWorkloadEqualsWhatQuarkusGenerates', (t) => {
  if (!existsSync(QUARKUS_WORKLOAD)) {
    return t.skip(missing(`${QUARKUS_WORKLOAD} is missing: the voyager-gateway build did not run`));
  }
  const fresh = readFileSync(QUARKUS_WORKLOAD, 'utf8');
  const committed = readFileSync(GENERATED_WORKLOAD, 'utf8');
  assert.equal(committed, fresh, `src-deploy/base/generated/kubernetes.yml ${STALE}`);
});

test('committedPrometheusRuleEqualsTheObservabilityRuleFiles', () => {
  assert.equal(readFileSync(GENERATED_PROMETHEUS_RULE, 'utf8'), prometheusRuleYaml(),
    `src-deploy/base/generated/prometheus-rule.yaml ${STALE}`);
});
