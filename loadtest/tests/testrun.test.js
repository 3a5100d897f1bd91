import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SLO } from '../k6/lib/slo.js';

const raw = readFileSync(new URL('../k8s/testrun.yaml', import.meta.url), 'utf8');
const run = parse(raw);

test('the TestRun is a k6-operator run of the black-friday archive', () => {
  assert.equal(run.apiVersion, 'k6.io/v1alpha1');
  assert.equal(run.kind, 'TestRun');
  assert.equal(run.spec.script.configMap.file, 'black-friday.tar');
});

test('the runner count in the comment is the one applied, and covers the peak with headroom', () => {
  const perRunner = Number(/per runner = [\d,]+ × 0\.7 = ([\d,]+) req\/s/.exec(raw)[1].replace(/,/g, ''));
  const planned = Number(/N = ceil\([\d,]+ \/ [\d,]+\) = ceil\([\d.]+\) = (\d+)/.exec(raw)[1]);
  assert.equal(run.spec.parallelism, planned);
  assert.equal(planned, Math.ceil(SLO.peakRatePerSecond / perRunner));
  assert.ok(run.spec.parallelism * perRunner >= SLO.peakRatePerSecond);
});
