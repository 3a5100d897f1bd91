// kubectl's built-in kustomize and the pinned kustomize binary (the fallback where kubectl is absent) must render
// the same objects, so the checks mean the same on every machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OVERLAYS } from './lib/paths.mjs';
import { renderOverlay } from './lib/render.mjs';
import { kubectlKustomize, pinnedKustomize } from './lib/tools.mjs';

for (const overlay of OVERLAYS) {
  test(`${overlay}RendersTheSameWithKubectlAndThePinnedKustomize`, (t) => {
    const kubectl = kubectlKustomize();
    const pinned = pinnedKustomize();
    if (!kubectl || !pinned) return t.skip(`only one renderer here (kubectl: ${!!kubectl}, pinned: ${!!pinned})`);
    assert.deepStrictEqual(renderOverlay(overlay, pinned), renderOverlay(overlay, kubectl));
  });
}
