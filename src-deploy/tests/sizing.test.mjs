// Replica counts: prod sized for the 45K req/s peak, dev small; the PodDisruptionBudget never blocks a rollout
// or a node drain at those counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stages } from './lib/canary.mjs';
import { OVERLAYS } from './lib/paths.mjs';
import { find, renderedOrSkip } from './lib/render.mjs';

// The prod overlay's sizing comment: 1,748 req/s per pod (the measured capacity with processors answering 300 ms
// late, docs/benchmarks.md), enough pods for the peak with 1.3 headroom and for the peak with one of 3 zones lost,
// in whole zones.
const PEAK = 45_000;
const HEADROOM = 1.3;
const PER_POD = 1_748;
const ZONES = 3;

/** Pods that must stay available: minAvailable as a count or a percentage (rounded up, as Kubernetes does). */
function minAvailable(pdb, replicas) {
  const value = pdb.spec.minAvailable;
  return typeof value === 'string' && value.endsWith('%')
    ? Math.ceil((Number(value.slice(0, -1)) / 100) * replicas)
    : Number(value);
}

const resolve = (value, replicas, round) =>
  (typeof value === 'string' && value.endsWith('%') ? round((Number(value.slice(0, -1)) / 100) * replicas) : value);

test('prodIsSizedForThePeakWithHeadroom', async (t) => {
  const objects = await renderedOrSkip(t, 'prod');
  if (!objects) return;
  const forHeadroom = Math.ceil((PEAK * HEADROOM) / PER_POD);
  const forZoneLoss = Math.ceil(PEAK / ((PER_POD * (ZONES - 1)) / ZONES));
  const needed = ZONES * Math.ceil(Math.max(forHeadroom, forZoneLoss) / ZONES);
  assert.equal(needed, 39);
  assert.equal(find(objects, 'Rollout', 'voyager-gateway').spec.replicas, needed);
  assert.equal(find(objects, 'Deployment', 'voyager-gateway').spec.replicas, needed);
  const hpa = find(objects, 'HorizontalPodAutoscaler', 'voyager-gateway');
  assert.equal(hpa.spec.minReplicas, needed, 'the autoscaler never drops below the peak size');
  assert.ok(hpa.spec.maxReplicas >= 2 * needed);
  assert.equal(find(objects, 'Deployment', 'voyager-gateway').spec.template.spec.containers[0].resources.requests.cpu, '2',
    'the per-pod figure assumes 2 vCPU');
});

test('devRunsFewPodsWithNoProductionFloor', async (t) => {
  const objects = await renderedOrSkip(t, 'dev');
  if (!objects) return;
  assert.ok(find(objects, 'Rollout', 'voyager-gateway').spec.replicas <= 3);
  const hpa = find(objects, 'HorizontalPodAutoscaler', 'voyager-gateway');
  assert.ok(hpa.spec.minReplicas < 10, `dev HPA minReplicas ${hpa.spec.minReplicas}`);
});

for (const overlay of OVERLAYS) {
  test(`${overlay}PdbLetsTheRolloutProgressAndNodesDrain`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const rollout = find(objects, 'Rollout', 'voyager-gateway');
    const pdb = find(objects, 'PodDisruptionBudget', 'voyager-gateway');
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'voyager-gateway');
    const { maxUnavailable, maxSurge } = rollout.spec.strategy.canary;
    for (const replicas of new Set([rollout.spec.replicas, hpa.spec.minReplicas, hpa.spec.maxReplicas])) {
      const floor = minAvailable(pdb, replicas);
      // A drain can always evict at least one gateway pod, at every replica count the overlay runs.
      assert.ok(replicas - floor >= 1, `${replicas} replicas, minAvailable ${floor}: no pod may ever be evicted`);
      // Through every step the stable pods stay (at most maxUnavailable may go) and canary pods come on top, so
      // the budget still has room for a drain during the rollout.
      const unavailable = resolve(maxUnavailable ?? '25%', replicas, Math.floor);
      for (const stage of stages(rollout)) {
        const canary = Math.ceil((stage.weight / 100) * replicas);
        // At 100% the old pods leave once the new ReplicaSet is complete: only the full new set counts.
        const available = replicas - unavailable + (stage.weight === 100 ? 0 : canary);
        assert.ok(available - floor >= 1,
          `${replicas} replicas at ${stage.weight}%: ${available} available, PDB needs ${floor} + 1 for a drain`);
      }
      assert.ok(resolve(maxSurge ?? '25%', replicas, Math.ceil) >= 1, 'the canary needs room to surge');
    }
  });
}
