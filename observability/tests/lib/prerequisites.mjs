import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onCi = process.env.CI === 'true';

// Under CI a missing tool or input is a failure; on a workstation the check is
// skipped with a message that cannot be missed.
function unavailable(t, what, hint) {
  const message = `${what} is missing: ${hint}`;
  if (onCi) throw new Error(`${message} (CI=true: this check must run)`);
  console.error(`\n!!! SKIPPED: ${message}\n`);
  t.skip(message);
  return false;
}

export function requireTool(t, tool) {
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return unavailable(t, `the ${tool} binary`, 'run scripts/provision.sh (Debian package "prometheus")');
  return true;
}

export function requireFile(t, path, hint) {
  return existsSync(path) || unavailable(t, path, hint);
}
