// Runs the guardrail queries of voyager-slo-guardrails through the real PromQL engine (promtool test rules) on
// synthetic canary series scraped every 10 s, as the ServiceMonitor does. Each query is wrapped in an alert
// whose condition is the metric's failureCondition, so "firing" means "this measurement is Failed".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { templateNamed } from './lib/canary.mjs';
import { withArgs } from './lib/promql.mjs';
import { renderedOrSkip } from './lib/render.mjs';
import { missing } from './lib/tools.mjs';

const HASH = 'canary1';
const promtool = () => spawnSync('promtool', ['--version']).status === 0;

/** `len(result) > 0 && result[0] < 0.98` -> `< 0.98`: the comparison Argo applies to the query's value. */
function comparison(metric) {
  const match = /^len\(result\) > 0 && result\[0\] ([<>] [\d.]+)$/.exec(metric.failureCondition);
  assert.ok(match, `unexpected failureCondition ${metric.failureCondition}`);
  return match[1];
}

/** Counter samples every 10 s from per-10 s increments, e.g. increments(97, 6) -> "0 97 194 ...". */
const counter = (...segments) => {
  const values = [0];
  for (const [perScrape, scrapes] of segments) {
    for (let i = 0; i < scrapes; i++) values.push(values.at(-1) + perScrape);
  }
  return values.join(' ');
};

function runPromtool(metric, name, inputSeries, expectations) {
  const dir = mkdtempSync(join(tmpdir(), 'voyager-guardrail-'));
  try {
    const alert = `Failed_${metric.name.replace(/\W/g, '_')}`;
    writeFileSync(join(dir, 'rules.yml'), stringify({
      groups: [{ name: 'guardrail', interval: '30s', rules: [{
        alert,
        expr: `(${withArgs(metric.provider.prometheus.query, HASH).trim()}) ${comparison(metric)}`,
      }] }],
    }));
    writeFileSync(join(dir, 'test.yml'), stringify({
      rule_files: ['rules.yml'],
      evaluation_interval: '30s',
      tests: [{
        name,
        interval: '10s',
        input_series: inputSeries,
        alert_rule_test: expectations.map(([evalTime, fails]) => ({
          eval_time: evalTime,
          alertname: alert,
          exp_alerts: fails ? [{ exp_labels: {} }] : [],
        })),
      }],
    }));
    const result = spawnSync('promtool', ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, `${name}:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function guardrail(t, metricName) {
  if (!promtool()) {
    t.skip(missing('promtool (Debian package prometheus, in scripts/apt-packages.txt)'));
    return null;
  }
  const objects = await renderedOrSkip(t, 'prod');
  if (!objects) return null;
  return templateNamed(objects, 'voyager-slo-guardrails').spec.metrics.find((m) => m.name === metricName);
}

const authorizations = (outcome, samples) => ({
  series: `voyager_authorizations_total{outcome="${outcome}",processor="adyen",rollouts_pod_template_hash="${HASH}"}`,
  values: samples,
});

test('successRateBelow98PercentFailsOnlyOnTheSecondConsecutiveCheck', async (t) => {
  const metric = await guardrail(t, 'success-rate');
  if (!metric) return;
  // 97% from the canary's first scrape: one window at 30 s is not enough, the second at 60 s fails.
  runPromtool(metric, 'steady 97%', [
    authorizations('approved', counter([97, 12])),
    authorizations('error', counter([3, 12])),
  ], [['30s', false], ['60s', true], ['90s', true]]);
});

test('aSingleBadWindowBetweenGoodOnesDoesNotFail', async (t) => {
  const metric = await guardrail(t, 'success-rate');
  if (!metric) return;
  // Good, bad, good, bad 30 s windows: never two breaching windows in a row.
  runPromtool(metric, 'alternating', [
    authorizations('approved', counter([100, 3], [90, 3], [100, 3], [90, 3])),
    authorizations('error', counter([0, 3], [10, 3], [0, 3], [10, 3])),
  ], [['60s', false], ['90s', false], ['120s', false]]);
});

test('declinesAndRejectionsDoNotCountAsFailures', async (t) => {
  const metric = await guardrail(t, 'success-rate');
  if (!metric) return;
  runPromtool(metric, 'declines and rejections', [
    authorizations('approved', counter([50, 12])),
    authorizations('declined', counter([45, 12])),
    authorizations('rejected', counter([40, 12])),
    authorizations('timeout', counter([1, 12])),
  ], [['60s', false], ['90s', false]]);
});

test('p99Above500msFailsOnlyOnTheSecondConsecutiveCheck', async (t) => {
  const metric = await guardrail(t, 'p99-latency');
  if (!metric) return;
  const bucket = (le, perScrape) => ({
    series: `http_server_requests_seconds_bucket{le="${le}",method="POST",outcome="SUCCESS",status="200",`
      + `uri="/v1/authorizations",rollouts_pod_template_hash="${HASH}"}`,
    values: counter([perScrape, 12]),
  });
  // 5% of requests above 0.5 s: p99 is well above 500 ms.
  runPromtool(metric, 'slow canary', [bucket('0.25', 90), bucket('0.5', 95), bucket('1.0', 100), bucket('+Inf', 100)],
    [['30s', false], ['60s', true]]);
  // Every request under 250 ms.
  runPromtool(metric, 'fast canary', [bucket('0.25', 100), bucket('0.5', 100), bucket('1.0', 100), bucket('+Inf', 100)],
    [['60s', false], ['90s', false]]);
});
