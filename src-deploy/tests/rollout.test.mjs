// The Rollout runs the canary of the design: 5 -> 10 -> 25 -> 50 -> 75 -> 100%, with background analysis for
// the whole rollout and an analysis gate at each stage, traffic split by NGINX.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolvedArgs, seconds, stages, templateNamed } from './lib/canary.mjs';
import { OVERLAYS } from './lib/paths.mjs';
import { find, renderedOrSkip } from './lib/render.mjs';

const DESIGN = [
  { weight: 5, pause: '2m' },
  { weight: 10, pause: '2m' },
  { weight: 25, pause: '3m' },
  { weight: 50, pause: '5m' },
  { weight: 75, pause: '5m' },
  { weight: 100, pause: '2m' },
];

for (const overlay of OVERLAYS) {
  test(`${overlay}RolloutStepsAndWeightsEqualTheDesign`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const actual = stages(find(objects, 'Rollout', 'voyager-gateway'));
    assert.deepEqual(actual.map((s) => ({ weight: s.weight, pause: s.pauses.join('+') })), DESIGN);
  });

  test(`${overlay}EveryStageEndsWithAnAnalysisGate`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    for (const stage of stages(find(objects, 'Rollout', 'voyager-gateway'))) {
      assert.equal(stage.analyses.length, 1, `stage ${stage.weight}% has ${stage.analyses.length} analysis steps`);
      const gate = stage.analyses[0];
      for (const { templateName } of gate.templates) {
        const template = templateNamed(objects, templateName);
        const args = resolvedArgs(template, gate.args);
        for (const [name, value] of Object.entries(args)) {
          assert.notEqual(value, undefined, `stage ${stage.weight}%: ${templateName} gets no value for arg ${name}`);
        }
        for (const metric of template.spec.metrics) {
          // A gate must end on its own: a count, or no interval at all (a single measurement).
          const count = String(metric.count ?? '').replace(/\{\{args\.([\w-]+)\}\}/, (_, arg) => args[arg]);
          const bounded = metric.interval === undefined || Number(count) > 0;
          assert.ok(bounded, `stage ${stage.weight}%: metric ${metric.name} of ${templateName} would never finish`);
        }
      }
    }
  });

  test(`${overlay}BackgroundAnalysisJudgesCanaryAgainstStableFromTheFirstStep`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const { analysis } = find(objects, 'Rollout', 'voyager-gateway').spec.strategy.canary;
    assert.equal(analysis.startingStep ?? 0, 0);
    assert.deepEqual(analysis.templates.map((tpl) => tpl.templateName).sort(),
      ['voyager-canary-vs-stable', 'voyager-slo-guardrails']);
    const hashes = Object.fromEntries(analysis.args.map((a) => [a.name, a.valueFrom?.podTemplateHashValue]));
    assert.deepEqual(hashes, { 'canary-hash': 'Latest', 'stable-hash': 'Stable' });
    for (const { templateName } of analysis.templates) {
      const template = templateNamed(objects, templateName);
      for (const [name, value] of Object.entries(resolvedArgs(template, analysis.args))) {
        assert.notEqual(value, undefined, `background ${templateName} gets no value for arg ${name}`);
      }
      for (const metric of template.spec.metrics) {
        const count = String(metric.count ?? '').replace(/\{\{args\.([\w-]+)\}\}/, (_, arg) =>
          resolvedArgs(template, analysis.args)[arg]);
        assert.ok(metric.interval && !(Number(count) > 0),
          `background metric ${metric.name} must run until the rollout ends (interval, no count)`);
      }
    }
  });

  test(`${overlay}TrafficIsSplitByNginxBetweenTheRenderedServices`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const rollout = find(objects, 'Rollout', 'voyager-gateway');
    const canary = rollout.spec.strategy.canary;
    find(objects, 'Service', canary.stableService);
    find(objects, 'Service', canary.canaryService);
    assert.notEqual(canary.stableService, canary.canaryService);
    const ingress = find(objects, 'Ingress', canary.trafficRouting.nginx.stableIngress);
    assert.equal(ingress.spec.ingressClassName, 'nginx');
    for (const rule of ingress.spec.rules) {
      for (const path of rule.http.paths) assert.equal(path.backend.service.name, canary.stableService);
    }
    assert.equal(canary.maxUnavailable, 0, 'no stable pod may leave before promotion');
  });

  test(`${overlay}RolloutTakesItsPodsFromTheGeneratedDeployment`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const rollout = find(objects, 'Rollout', 'voyager-gateway');
    assert.equal(rollout.spec.template, undefined, 'workloadRef and template are exclusive');
    const ref = rollout.spec.workloadRef;
    assert.deepEqual([ref.apiVersion, ref.kind, ref.scaleDown], ['apps/v1', 'Deployment', 'progressively']);
    find(objects, 'Deployment', ref.name);
  });
}

test('stagePausesAddUpToTheDesignedNineteenMinutes', () => {
  assert.equal(DESIGN.reduce((sum, s) => sum + seconds(s.pause), 0), 19 * 60);
});
