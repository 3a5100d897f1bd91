// Paths and small helpers shared by the pipeline tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const workflowsDir = join(repoRoot, '.github', 'workflows');
export const inCi = process.env.CI === 'true';

export function read(relativePath) {
  return readFileSync(join(repoRoot, relativePath), 'utf8');
}

export function workflowFiles() {
  return readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f)).sort();
}

export function loadWorkflow(file) {
  const source = readFileSync(join(workflowsDir, file), 'utf8');
  return { file, source, doc: parse(source) };
}

export function loadWorkflows() {
  return workflowFiles().map(loadWorkflow);
}

/**
 * A file another part of the build produces (or another area of the repository
 * owns). Missing under CI=true is a failure; locally the test is skipped loudly.
 */
export function requireFile(t, relativePath, why) {
  if (existsSync(join(repoRoot, relativePath))) return true;
  const message = `${relativePath} is missing: ${why}`;
  if (inCi) throw new Error(message);
  console.warn(`SKIPPED (not in CI): ${message}`);
  t.skip(message);
  return false;
}
