// The ConfigMap the Argo Rollouts controller reads at start-up to download and verify the plugin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { ARGO_ROLLOUTS_CONFIG } from './lib/paths.mjs';
import { parseDocuments } from './lib/render.mjs';

const [configMap] = parseDocuments(readFileSync(ARGO_ROLLOUTS_CONFIG, 'utf8'), ARGO_ROLLOUTS_CONFIG);

test('configMapIsTheOneTheControllerReads', () => {
  assert.equal(configMap.kind, 'ConfigMap');
  assert.deepEqual([configMap.metadata.name, configMap.metadata.namespace], ['argo-rollouts-config', 'argo-rollouts']);
});

test('canaryJudgeIsRegisteredWithItsReleaseUrlAndA64HexSha256', () => {
  const plugins = parse(configMap.data.metricProviderPlugins);
  const entry = plugins.find((p) => p.name === 'voyager/canary-judge');
  assert.ok(entry, 'no voyager/canary-judge entry');
  // Argo's plugin name rule: <namespace>/<name>.
  assert.match(entry.name, /^([a-zA-Z0-9-]+)\/([a-zA-Z0-9_.-]+)$/);
  assert.match(entry.location,
    /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/releases\/download\/v\d+\.\d+\.\d+[\w.-]*\/voyager-canary-judge-linux-amd64$/);
  // Argo compares case-sensitively with lowercase hex; any other length can never match.
  assert.match(String(entry.sha256), /^[0-9a-f]{64}$/);
  assert.deepEqual(Object.keys(entry).sort(), ['location', 'name', 'sha256']);
});
