// What the generated Deployment must carry for a payment gateway: probes on the health endpoints, sized
// resources, a drain before shutdown, the restricted security context, spread over zones and hosts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seconds } from './lib/canary.mjs';
import { OVERLAYS } from './lib/paths.mjs';
import { find, renderedOrSkip } from './lib/render.mjs';

for (const overlay of OVERLAYS) {
  const pod = async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    return objects && find(objects, 'Deployment', 'voyager-gateway').spec.template;
  };

  test(`${overlay}ProbesWatchTheHealthEndpoints`, async (t) => {
    const template = await pod(t);
    if (!template) return;
    const [container] = template.spec.containers;
    assert.equal(container.startupProbe.httpGet.path, '/q/health/started');
    assert.equal(container.readinessProbe.httpGet.path, '/q/health/ready');
    assert.equal(container.livenessProbe.httpGet.path, '/q/health/live');
    // Readiness reacts before liveness restarts anything.
    const window = (probe) => probe.periodSeconds * probe.failureThreshold;
    assert.ok(window(container.readinessProbe) < window(container.livenessProbe));
  });

  test(`${overlay}ContainerHasRequestsAndLimits`, async (t) => {
    const template = await pod(t);
    if (!template) return;
    const { requests, limits } = template.spec.containers[0].resources;
    for (const resource of ['cpu', 'memory']) {
      assert.ok(requests?.[resource] && limits?.[resource], `${resource} request and limit`);
    }
    assert.equal(requests.memory, limits.memory, 'memory is not overcommitted (no OOM kill under load)');
  });

  test(`${overlay}EndpointsDrainBeforeShutdown`, async (t) => {
    const template = await pod(t);
    if (!template) return;
    const sleep = template.spec.containers[0].lifecycle.preStop.sleep.seconds;
    assert.ok(sleep >= 5, `preStop sleep ${sleep}s leaves kube-proxy and NGINX time to drop the endpoint`);
    const shutdown = 20; // quarkus.shutdown.timeout in voyager-gateway's application.properties
    assert.ok(template.spec.terminationGracePeriodSeconds > sleep + shutdown,
      `terminationGracePeriodSeconds ${template.spec.terminationGracePeriodSeconds} <= ${sleep} + ${shutdown}`);
  });

  test(`${overlay}PodMeetsTheRestrictedPodSecurityStandard`, async (t) => {
    const template = await pod(t);
    if (!template) return;
    const podContext = template.spec.securityContext;
    assert.equal(podContext.runAsNonRoot, true);
    assert.equal(podContext.seccompProfile.type, 'RuntimeDefault');
    for (const container of template.spec.containers) {
      const context = container.securityContext;
      assert.equal(context.allowPrivilegeEscalation, false);
      assert.equal(context.readOnlyRootFilesystem, true);
      assert.deepEqual(context.capabilities.drop, ['ALL']);
      assert.equal(context.capabilities.add, undefined);
      const writable = container.volumeMounts.filter((m) => !m.readOnly).map((m) => m.name);
      const emptyDirs = template.spec.volumes.filter((v) => v.emptyDir).map((v) => v.name);
      assert.deepEqual(writable.filter((name) => !emptyDirs.includes(name)), [], 'only emptyDirs are writable');
    }
  });

  test(`${overlay}PodsSpreadOverZonesAndHosts`, async (t) => {
    const template = await pod(t);
    if (!template) return;
    const zone = template.spec.topologySpreadConstraints.find((c) => c.topologyKey === 'topology.kubernetes.io/zone');
    assert.deepEqual([zone?.maxSkew, zone?.whenUnsatisfiable], [1, 'DoNotSchedule']);
    const hosts = template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution
      .map((term) => term.podAffinityTerm.topologyKey);
    assert.deepEqual(hosts, ['kubernetes.io/hostname']);
  });

  test(`${overlay}PodsCarryPrometheusScrapeAnnotations`, async (t) => {
    const template = await pod(t);
    if (!template) return;
    const annotations = template.metadata.annotations;
    assert.equal(annotations['prometheus.io/scrape'], 'true');
    assert.equal(annotations['prometheus.io/path'], '/q/metrics');
    const port = Number(annotations['prometheus.io/port']);
    assert.ok(template.spec.containers[0].ports.some((p) => p.containerPort === port), `scrape port ${port}`);
  });
}

test('durationsParse', () => assert.deepEqual(['30s', '2m', '1h'].map(seconds), [30, 120, 3600]));
