// The objects of each overlay refer to each other by labels, names and port names; these must agree, or
// traffic, scraping, disruption budgets and autoscaling silently miss the pods.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GATEWAY_PROPERTIES, OVERLAYS } from './lib/paths.mjs';
import { find, renderedOrSkip } from './lib/render.mjs';

const selects = (selector, labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);

for (const overlay of OVERLAYS) {
  test(`${overlay}SelectorsOfServicesRolloutAndPdbAgree`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const rollout = find(objects, 'Rollout', 'voyager-gateway');
    const deployment = find(objects, 'Deployment', rollout.spec.workloadRef.name);
    const selector = rollout.spec.selector.matchLabels;
    const podLabels = deployment.spec.template.metadata.labels;
    assert.deepEqual(deployment.spec.selector.matchLabels, selector, 'Deployment and Rollout selectors');
    assert.ok(selects(selector, podLabels), 'the Rollout selects the pod template');
    const { stableService, canaryService } = rollout.spec.strategy.canary;
    for (const name of [stableService, canaryService, 'voyager-gateway-metrics']) {
      assert.deepEqual(find(objects, 'Service', name).spec.selector, selector, `Service ${name} selector`);
    }
    assert.deepEqual(find(objects, 'PodDisruptionBudget', 'voyager-gateway').spec.selector.matchLabels, selector);
    assert.deepEqual(find(objects, 'NetworkPolicy', 'voyager-gateway').spec.podSelector.matchLabels, selector);
    for (const constraint of deployment.spec.template.spec.topologySpreadConstraints) {
      assert.ok(selects(constraint.labelSelector.matchLabels, podLabels), 'spread counts the gateway pods');
    }
    assert.ok(!('app.kubernetes.io/version' in selector), 'a version label would split canary from stable');
  });

  test(`${overlay}PortsAreReferredToByNamesTheContainerHas`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const pod = find(objects, 'Deployment', 'voyager-gateway').spec.template;
    const [container] = pod.spec.containers;
    const ports = new Map(container.ports.map((p) => [p.name, p.containerPort]));
    const resolves = (port) => (typeof port === 'string' ? ports.has(port) : [...ports.values()].includes(port));
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      for (const port of service.spec.ports) assert.ok(resolves(port.targetPort), `${service.metadata.name} ${port.targetPort}`);
    }
    const monitor = find(objects, 'ServiceMonitor', 'voyager-gateway');
    const metricsService = objects.find((o) => o.kind === 'Service'
      && selects(monitor.spec.selector.matchLabels, o.metadata.labels ?? {}));
    assert.ok(metricsService, 'the ServiceMonitor selects a Service');
    assert.equal(objects.filter((o) => o.kind === 'Service'
      && selects(monitor.spec.selector.matchLabels, o.metadata.labels ?? {})).length, 1, 'exactly one scraped Service');
    for (const endpoint of monitor.spec.endpoints) {
      assert.ok(metricsService.spec.ports.some((p) => p.name === endpoint.port), `ServiceMonitor port ${endpoint.port}`);
      assert.equal(endpoint.path, pod.metadata.annotations['prometheus.io/path'], 'ServiceMonitor and scrape annotations');
    }
    assert.deepEqual(monitor.spec.podTargetLabels, ['rollouts-pod-template-hash']);
    for (const rule of find(objects, 'NetworkPolicy', 'voyager-gateway').spec.ingress) {
      for (const port of rule.ports) assert.ok(resolves(port.port), `NetworkPolicy port ${port.port}`);
    }
    const backend = find(objects, 'Ingress', 'voyager-gateway').spec.rules[0].http.paths[0].backend.service;
    assert.ok(find(objects, 'Service', backend.name).spec.ports.some((p) => p.name === backend.port.name));
  });

  test(`${overlay}AutoscalerScalesTheRolloutNotTheDeployment`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'voyager-gateway');
    assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'voyager-gateway' });
    assert.deepEqual(hpa.spec.metrics.map((m) => m.resource?.name), ['cpu']);
    const { scaleUp, scaleDown } = hpa.spec.behavior;
    assert.ok(scaleUp.stabilizationWindowSeconds < scaleDown.stabilizationWindowSeconds, 'up fast, down slowly');
    const fastestUp = Math.max(...scaleUp.policies.filter((p) => p.type === 'Percent').map((p) => p.value / p.periodSeconds));
    const fastestDown = Math.max(...scaleDown.policies.filter((p) => p.type === 'Percent').map((p) => p.value / p.periodSeconds));
    assert.ok(fastestUp >= 10 * fastestDown, `up ${fastestUp}%/s vs down ${fastestDown}%/s`);
  });

  test(`${overlay}ProcessorSecretsAreSyncedAndMountedAsFiles`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const pod = find(objects, 'Deployment', 'voyager-gateway').spec.template.spec;
    const [container] = pod.containers;
    const store = find(objects, 'ClusterSecretStore');
    assert.equal(store.metadata.namespace, undefined, 'ClusterSecretStore is cluster-scoped');
    assert.equal(store.spec.provider.aws.service, 'SecretsManager');
    // The gateway reads <voyager.credentials.files.directory>/<processor>/<key> when its source is `files`.
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
    assert.equal(env.VOYAGER_CREDENTIALS_SOURCE, 'files');
    const directory = /^voyager\.credentials\.files\.directory=(.+)$/m.exec(readFileSync(GATEWAY_PROPERTIES, 'utf8'))?.[1];
    assert.equal(directory, '/etc/voyager/secrets', 'voyager.credentials.files.directory in application.properties');
    for (const processor of ['stripe', 'adyen', 'mercadopago']) {
      const external = find(objects, 'ExternalSecret', `voyager-gateway-${processor}`);
      assert.equal(external.spec.refreshInterval, '1m');
      assert.deepEqual(external.spec.secretStoreRef, { kind: 'ClusterSecretStore', name: store.metadata.name });
      assert.deepEqual(external.spec.dataFrom, [{ extract: { key: `${overlay}/voyager-gateway/${processor}` } }]);
      const volume = pod.volumes.find((v) => v.secret?.secretName === external.spec.target.name);
      assert.ok(volume, `no volume for Secret ${external.spec.target.name}`);
      const mount = container.volumeMounts.find((m) => m.name === volume.name);
      assert.deepEqual([mount?.mountPath, mount?.readOnly], [`${directory}/${processor}`, true]);
    }
  });

  test(`${overlay}ServiceAccountCarriesTheIrsaRole`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const pod = find(objects, 'Deployment', 'voyager-gateway').spec.template.spec;
    const account = find(objects, 'ServiceAccount', pod.serviceAccountName);
    assert.match(account.metadata.annotations['eks.amazonaws.com/role-arn'], /^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/);
  });
}

for (const overlay of OVERLAYS) {
  test(`${overlay}NetworkPolicyAdmitsOnlyIngressAndPrometheusAndEgressOnlyDnsAndHttps`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const policy = find(objects, 'NetworkPolicy', 'voyager-gateway');
    assert.deepEqual(policy.spec.policyTypes.sort(), ['Egress', 'Ingress']);
    const sources = policy.spec.ingress.flatMap((rule) => rule.from.map((peer) =>
      peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name'])).sort();
    assert.deepEqual(sources, ['ingress-nginx', 'monitoring']);
    const egress = policy.spec.egress.flatMap((rule) => rule.ports.map((p) => `${p.protocol}/${p.port}`)).sort();
    assert.deepEqual(egress, ['TCP/443', 'TCP/53', 'UDP/53']);
    const https = policy.spec.egress.find((rule) => rule.ports.some((p) => p.port === 443));
    for (const { ipBlock } of https.to) {
      assert.ok(ipBlock.except.includes('169.254.0.0/16'), 'the instance metadata endpoint stays closed');
    }
  });

  test(`${overlay}PrometheusOperatorPicksUpTheMonitorAndTheRules`, async (t) => {
    const objects = await renderedOrSkip(t, overlay);
    if (!objects) return;
    const release = find(objects, 'ServiceMonitor', 'voyager-gateway').metadata.labels.release;
    assert.equal(find(objects, 'PrometheusRule', 'voyager-gateway').metadata.labels.release, release);
    const rules = find(objects, 'PrometheusRule', 'voyager-gateway').spec.groups.flatMap((g) => g.rules);
    assert.ok(rules.some((r) => r.record) && rules.some((r) => r.alert), 'recording rules and alerts');
  });
}
