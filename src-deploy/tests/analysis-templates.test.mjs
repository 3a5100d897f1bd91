import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { resolvedArgs, seconds, stages, templateNamed } from './lib/canary.mjs';
import { ARGO_ROLLOUTS_CONFIG, GATEWAY_SCRAPE } from './lib/paths.mjs';
import { labelsInExposition, metricNamesInExposition, metricNamesInQuery, selectorsInQuery } from './lib/promql.mjs';
import { find, parseDocuments, renderedOrSkip } from './lib/render.mjs';
import { missing } from './lib/tools.mjs';

const PLUGIN = 'voyager/canary-judge';

async function templates(t) {
  const objects = await renderedOrSkip(t, 'prod');
  if (!objects) return null;
  return {
    objects,
    judge: templateNamed(objects, 'voyager-canary-vs-stable'),
    guardrails: templateNamed(objects, 'voyager-slo-guardrails'),
  };
}

test('canaryVsStableAsksTheJudgeToCompareCanaryWithStablePods', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  const [metric] = rendered.judge.spec.metrics;
  assert.equal(rendered.judge.spec.metrics.length, 1);
  assert.deepEqual(Object.keys(metric.provider), ['plugin']);
  assert.deepEqual(Object.keys(metric.provider.plugin), [PLUGIN]);
  const config = metric.provider.plugin[PLUGIN];
  assert.equal(config.canary.selector, 'rollouts_pod_template_hash="{{args.canary-hash}}"');
  assert.equal(config.baseline.selector, 'rollouts_pod_template_hash="{{args.stable-hash}}"');
  assert.deepEqual(rendered.judge.spec.args.map((a) => a.name).sort(), ['canary-hash', 'stable-hash']);
  assert.deepEqual(config.window, { sinceAnalysisStart: true });
  assert.ok(config.alpha > 0 && config.alpha <= 0.05, `alpha ${config.alpha}`);
  assert.ok(config.thresholds.pass > config.thresholds.marginal, 'pass threshold must exceed marginal');
  assert.equal(metric.interval, '30s');
  assert.equal(metric.failureLimit, 0);
});

test('judgeAndGuardrailsQueryTheSamePrometheus', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  const judge = rendered.judge.spec.metrics[0].provider.plugin[PLUGIN].prometheus.address;
  for (const metric of rendered.guardrails.spec.metrics) assert.equal(metric.provider.prometheus.address, judge);
});

test('judgePlansForEveryLookOfAWholeRollout', async (t) => {
  // The judge spends alpha over plannedLooks; fewer real looks than planned only makes it more careful, more
  // looks than planned would leave it without alpha before the rollout ends.
  const rendered = await templates(t);
  if (!rendered) return;
  const rollout = find(rendered.objects, 'Rollout', 'voyager-gateway');
  let duration = 0;
  for (const stage of stages(rollout)) {
    duration += stage.pauses.reduce((sum, pause) => sum + seconds(pause), 0);
    for (const gate of stage.analyses) {
      duration += Math.max(...gate.templates.flatMap(({ templateName }) => {
        const template = templateNamed(rendered.objects, templateName);
        const args = resolvedArgs(template, gate.args);
        return template.spec.metrics.map((m) => {
          const count = Number(String(m.count ?? 1).replace(/\{\{args\.([\w-]+)\}\}/, (_, a) => args[a]));
          return (count - 1) * seconds(m.interval ?? '0s');
        });
      }));
    }
  }
  const metric = rendered.judge.spec.metrics[0];
  const looks = Math.floor((duration - seconds(metric.initialDelay ?? '0s')) / seconds(metric.interval)) + 1;
  const planned = metric.provider.plugin[PLUGIN].plannedLooks;
  assert.ok(planned >= looks && planned <= Math.ceil(looks * 1.25),
    `plannedLooks ${planned} for a rollout of ${duration} s = ${looks} looks (allowed ${looks}..${Math.ceil(looks * 1.25)})`);
});

test('judgesFirstLookWaitsForScrapedCanaryTrafficAndStillComesWithinTheRollbackGoal', async (t) => {
  // A first look before Prometheus has scraped the canary twice has nothing to judge (Inconclusive), and the
  // next one comes a whole interval later. The rollback goal is 30 s from the canary's first traffic.
  const rendered = await templates(t);
  if (!rendered) return;
  const [metric] = rendered.judge.spec.metrics;
  const monitor = find(rendered.objects, 'ServiceMonitor', 'voyager-gateway');
  const scrape = Math.max(...monitor.spec.endpoints.map((e) => seconds(e.interval)));
  const delay = seconds(metric.initialDelay ?? '0s');
  assert.ok(delay >= 2 * scrape, `initialDelay ${delay} s leaves less than two ${scrape} s scrapes of canary traffic`);
  assert.ok(delay < 30, `initialDelay ${delay} s: the first verdict would come after the 30 s rollback goal`);
});

test('judgeIsRegisteredInArgoRolloutsConfig', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  const [configMap] = parseDocuments(readFileSync(ARGO_ROLLOUTS_CONFIG, 'utf8'), ARGO_ROLLOUTS_CONFIG);
  const names = parse(configMap.data.metricProviderPlugins).map((p) => p.name);
  for (const metric of rendered.judge.spec.metrics) {
    for (const name of Object.keys(metric.provider.plugin)) assert.ok(names.includes(name), `${name} not in ${names}`);
  }
});

/**
 * Replays Argo's measurement loop for a guardrail metric over a series of 30 s windows: each measurement sees the
 * windows its subquery covers, reduces them as the query does, applies the failureCondition's comparison, and the
 * metric fails once more measurements failed than failureLimit allows. Returns the failing check's index or -1.
 */
function firstFailingCheck(metric, windows) {
  const subquery = /^\s*(?:max|min)_over_time\(\([\s\S]*?\)\[(\d+[smh]):(\d+[smh])\]\)/.exec(metric.provider.prometheus.query);
  assert.ok(subquery, `${metric.name}: expected an outer subquery [range:step]`);
  const covered = seconds(subquery[1]) / seconds(subquery[2]);
  const reduce = /^\s*(max|min)_over_time/.exec(metric.provider.prometheus.query)[1] === 'max' ? Math.max : Math.min;
  const condition = /^len\(result\) > 0 && result\[0\] ([<>]) ([\d.]+)$/.exec(metric.failureCondition);
  assert.ok(condition, `${metric.name}: unexpected failureCondition ${metric.failureCondition}`);
  const breaches = (value) => (condition[1] === '<' ? value < Number(condition[2]) : value > Number(condition[2]));
  const guard = /count_over_time\([\s\S]*\)\[\d+[smh]:\d+[smh]\]\)\s*>=\s*(\d+)\s*$/.exec(metric.provider.prometheus.query.trim());
  const needed = guard ? Number(guard[1]) : 1;
  let failed = 0;
  for (let i = 0; i < windows.length; i++) {
    const seen = windows.slice(Math.max(0, i - covered + 1), i + 1);
    if (seen.length < needed) continue; // empty result: the failureCondition does not hold
    if (breaches(reduce(...seen)) && ++failed > metric.failureLimit) return i;
  }
  return -1;
}

test('successRateGuardrailFailsOnTheSecondConsecutiveCheckBelow98Percent', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  const metric = rendered.guardrails.spec.metrics.find((m) => m.name === 'success-rate');
  assert.equal(metric.interval, '30s');
  assert.match(metric.provider.prometheus.query, /\[30s\]/);
  assert.equal(firstFailingCheck(metric, [0.999, 0.97, 0.96, 0.99]), 2);
  assert.equal(firstFailingCheck(metric, [0.5, 0.5]), 1, 'a broken canary fails on the second check, not the first');
  assert.equal(firstFailingCheck(metric, [0.97, 0.999, 0.97, 0.999, 0.97, 0.999]), -1, 'non-consecutive dips pass');
  assert.equal(firstFailingCheck(metric, [0.98, 0.98, 0.98]), -1, 'exactly 98% passes');
});

test('latencyGuardrailFailsOnTheSecondConsecutiveCheckAbove500ms', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  const metric = rendered.guardrails.spec.metrics.find((m) => m.name === 'p99-latency');
  assert.equal(metric.interval, '30s');
  assert.match(metric.provider.prometheus.query, /histogram_quantile\(0\.99,/);
  assert.equal(firstFailingCheck(metric, [0.2, 0.7, 0.8]), 2);
  assert.equal(firstFailingCheck(metric, [0.7, 0.2, 0.7, 0.2]), -1);
});

test('everyMetricNameInTheAnalysisQueriesExistsInTheGatewayScrape', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  if (!existsSync(GATEWAY_SCRAPE)) {
    return t.skip(missing(`${GATEWAY_SCRAPE} is missing: the gateway's metrics test writes it during ./mvnw verify`));
  }
  const exposed = metricNamesInExposition(readFileSync(GATEWAY_SCRAPE, 'utf8'));
  const used = rendered.objects
    .filter((o) => o.kind === 'AnalysisTemplate')
    .flatMap((template) => template.spec.metrics
      .filter((m) => m.provider.prometheus)
      .flatMap((m) => [...metricNamesInQuery(m.provider.prometheus.query)].map((name) => ({ template, m, name }))));
  assert.ok(used.length > 0, 'no Prometheus query found in the AnalysisTemplates');
  const absent = used.filter(({ name }) => !exposed.has(name))
    .map(({ template, m, name }) => `${template.metadata.name}/${m.name}: ${name}`);
  assert.deepEqual(absent, [], `metric names not in ${GATEWAY_SCRAPE}`);
});

// Labels Prometheus adds when it scrapes a pod (the ServiceMonitor's target labels and podTargetLabels).
const SCRAPE_LABELS = new Set(['rollouts_pod_template_hash', 'namespace', 'pod', 'service', 'job', 'instance', 'container', 'endpoint']);

test('everyLabelTheAnalysisQueriesMatchOnIsExportedWithItsMetric', async (t) => {
  const rendered = await templates(t);
  if (!rendered) return;
  if (!existsSync(GATEWAY_SCRAPE)) {
    return t.skip(missing(`${GATEWAY_SCRAPE} is missing: the gateway's metrics test writes it during ./mvnw verify`));
  }
  const exported = labelsInExposition(readFileSync(GATEWAY_SCRAPE, 'utf8'));
  const absent = rendered.objects
    .filter((o) => o.kind === 'AnalysisTemplate')
    .flatMap((template) => template.spec.metrics.filter((m) => m.provider.prometheus)
      .flatMap((m) => selectorsInQuery(m.provider.prometheus.query)
        .flatMap(({ name, labels }) => labels
          .filter((label) => !SCRAPE_LABELS.has(label) && !exported.get(name)?.has(label))
          .map((label) => `${template.metadata.name}/${m.name}: ${name}{${label}}`))));
  assert.deepEqual(absent, [], `labels not exported in ${GATEWAY_SCRAPE}`);
});
