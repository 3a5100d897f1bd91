'use strict';
// Every .tf file is laid out exactly as `terraform fmt` would lay it out.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { buildFormatter, unformatted } = require('./lib/formatter');

const TERRAFORM = path.join(__dirname, '..');
const formatter = buildFormatter();

function requireFormatter(t) {
  if (formatter.binary) return true;
  const message = `the format check needs ${formatter.missing}; scripts/provision.sh installs it`;
  if (process.env.CI === 'true') assert.fail(message);
  console.warn(`\n*** SKIPPING the terraform fmt check: ${message} ***\n`);
  t.skip(message);
  return false;
}

const trackedTfFiles = () => execFileSync('git', ['ls-files', '*.tf', ':!tests/fixtures/broken-format'], { cwd: TERRAFORM, encoding: 'utf8' })
  .split('\n').filter(Boolean).map((f) => path.join(TERRAFORM, f));

test('every .tf file is formatted as terraform fmt would format it', (t) => {
  if (!requireFormatter(t)) return;
  const files = trackedTfFiles();
  assert.ok(files.length >= 25, `found only ${files.length} tracked .tf files`);
  assert.deepEqual(unformatted(formatter.binary, files).map((f) => path.relative(TERRAFORM, f)), [],
    'run: cd terraform/tests && npm run fmt');
});

test('the format check rejects fixtures/broken-format', (t) => {
  if (!requireFormatter(t)) return;
  const fixture = path.join(__dirname, 'fixtures', 'broken-format', 'main.tf');
  assert.deepEqual(unformatted(formatter.binary, [fixture]), [fixture]);
});
