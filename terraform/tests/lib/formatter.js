'use strict';
// Builds the tffmt Go program (hclwrite.Format, what `terraform fmt` applies) against Debian's HCL
// sources and runs it on .tf files.

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const GOPATH = [path.join(__dirname, '..', 'go'), '/usr/share/gocode'].join(path.delimiter);
const HCL_SOURCES = '/usr/share/gocode/src/github.com/hashicorp/hcl/v2/hclwrite';

/** Path of the built formatter, or a reason it cannot be built here. */
function buildFormatter() {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) return { missing: 'go (Debian package golang-go)' };
  if (!fs.existsSync(HCL_SOURCES)) return { missing: 'HCL v2 sources (Debian package golang-github-hashicorp-hcl-v2-dev)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voyager-tffmt-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const binary = path.join(dir, 'tffmt');
  execFileSync('go', ['build', '-o', binary, 'tffmt'], {
    env: { ...process.env, GO111MODULE: 'off', GOPATH, GOFLAGS: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { binary };
}

/** The files among `files` that are not canonically formatted. */
function unformatted(binary, files) {
  const run = spawnSync(binary, files, { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`tffmt failed: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

module.exports = { buildFormatter, unformatted };
