// The k6 thresholds and the Prometheus alerts must describe the same SLO:
// 99.9% success (so at most 0.1% failed requests) and p99 under 500 ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SLO, sloThresholds } from '../k6/lib/slo.js';

const alerts = parse(readFileSync(new URL('../../observability/prometheus/voyager-alerts.yml', import.meta.url), 'utf8'));
const rules = alerts.groups.flatMap((g) => g.rules);
const alert = (name) => {
  const rule = rules.find((r) => r.alert === name);
  assert.ok(rule, `observability has no alert ${name}`);
  return rule.expr;
};

test('the burn-rate alerts budget the same success objective as the k6 thresholds', () => {
  const burnAlerts = rules.filter((r) => r.alert?.startsWith('VoyagerErrorBudgetBurn'));
  assert.ok(burnAlerts.length >= 2, 'expected multi-window burn-rate alerts');
  for (const rule of burnAlerts) {
    const objectives = [...rule.expr.matchAll(/\(1 - (0\.\d+)\)/g)].map((m) => Number(m[1]));
    assert.ok(objectives.length > 0, `${rule.alert}: no (1 - objective) term`);
    for (const objective of objectives) assert.equal(objective, SLO.successRatio, rule.alert);
  }
  assert.deepEqual(sloThresholds.http_req_failed, [`rate<${(1 - SLO.successRatio).toFixed(4)}`]);
  assert.equal(sloThresholds.http_req_failed[0], 'rate<0.0010');
});

test('the p99 alert and the k6 p99 threshold use the same limit', () => {
  const match = /p99_5m > ([\d.]+)/.exec(alert('VoyagerLatencyP99High'));
  assert.ok(match, 'VoyagerLatencyP99High compares a 5m p99 against a limit');
  assert.equal(Number(match[1]) * 1000, SLO.p99Ms);
  assert.deepEqual(sloThresholds.http_req_duration, [`p(99)<${SLO.p99Ms}`]);
});
