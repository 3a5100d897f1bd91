// The generated manifests are committed so GitOps tools can apply the overlays from git; these tests fail when
// a committed copy differs from a fresh generation (fix: run src-deploy/generate.sh and commit).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GENERATED_PROMETHEUS_RULE, GENERATED_WORKLOAD, QUARKUS_WORKLOAD } from './lib/paths.mjs';
import { prometheusRuleYaml } from './lib/prometheus-rule.mjs';
import { parseDocuments } from './lib/render.mjs';
import { missing } from './lib/tools.mjs';

const STALE = 'is stale: run src-deploy/generate.sh and commit src-deploy/base/generated/';

/**
 * Quarkus does not keep the order of map keys (labels, annotations) or of named list items (volumes, mounts)
 * from one build to the next, so the copies are compared as Kubernetes reads them: map key order ignored, lists
 * of named items ordered by name.
 */
export function canonical(value) {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const named = items.length > 0 && items.every((item) => typeof item?.name === 'string');
    return named ? items.sort((a, b) => a.name.localeCompare(b.name)) : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

const objectsIn = (file) => parseDocuments(readFileSync(file, 'utf8'), file).map(canonical);

test('committedWorkloadEqualsWhatQuarkusGenerates', (t) => {
  if (!existsSync(QUARKUS_WORKLOAD)) {
    return t.skip(missing(`${QUARKUS_WORKLOAD} is missing: the voyager-gateway build did not run`));
  }
  assert.deepStrictEqual(objectsIn(GENERATED_WORKLOAD), objectsIn(QUARKUS_WORKLOAD),
    `src-deploy/base/generated/kubernetes.yml ${STALE}`);
});

test('comparisonIgnoresOrderButNotContent', () => {
  const build = (labels, volumes) => canonical({ metadata: { labels }, spec: { volumes } });
  assert.deepStrictEqual(build({ a: '1', b: '2' }, [{ name: 'x' }, { name: 'y' }]),
    build({ b: '2', a: '1' }, [{ name: 'y' }, { name: 'x' }]));
  assert.notDeepStrictEqual(build({ a: '1' }, [{ name: 'x' }]), build({ a: '2' }, [{ name: 'x' }]));
  assert.notDeepStrictEqual(canonical({ args: ['-a', '-b'] }), canonical({ args: ['-b', '-a'] }));
});

test('committedPrometheusRuleEqualsTheObservabilityRuleFiles', () => {
  assert.equal(readFileSync(GENERATED_PROMETHEUS_RULE, 'utf8'), prometheusRuleYaml(),
    `src-deploy/base/generated/prometheus-rule.yaml ${STALE}`);
});
