'use strict';
// The HCL2 parser reads every file, reports syntax errors, and the evaluator built on its syntax
// tree computes what Terraform would.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hcl = require('@cdktf/hcl2json');
const { loadWorkspace } = require('./lib/config');
const { evaluate, isUnknown, parseAllTemplates } = require('./lib/expressions');
const { providerVersion } = require('./lib/schema');

const TERRAFORM = path.join(__dirname, '..');

function tfFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'tests' || e.name.startsWith('.') ? [] : tfFiles(full);
    return e.name.endsWith('.tf') ? [full] : [];
  });
}

async function evalText(text, scope = {}) {
  await parseAllTemplates(text);
  return evaluate(text, { vars: {}, locals: {}, ...scope });
}

test('every .tf file under terraform/ parses with the HCL2 parser', async () => {
  const files = tfFiles(TERRAFORM);
  assert.ok(files.length >= 25, `found only ${files.length} .tf files`);
  for (const file of files) {
    const json = await hcl.parse(path.basename(file), fs.readFileSync(file, 'utf8'));
    assert.ok(Object.keys(json).length > 0, `${file} parsed to nothing`);
  }
});

test('a syntax error fails the load and names the file', async () => {
  await assert.rejects(loadWorkspace(path.join(__dirname, 'fixtures', 'broken-syntax')), /broken-syntax\/modules\/vpc\/main\.tf does not parse: .*Invalid expression/);
});

test('cidrsubnet and cidrnetmask compute like Terraform', async () => {
  assert.equal(await evalText('${cidrsubnet("10.0.0.0/16", 4, 3)}'), '10.0.48.0/20');
  assert.equal(await evalText('${cidrsubnet("10.0.0.0/16", 4, 0)}'), '10.0.0.0/20');
  assert.equal(await evalText('${cidrnetmask("10.0.16.0/20")}'), '255.255.240.0');
  assert.equal(await evalText('${can(cidrnetmask("10.0.0.0/33"))}'), false);
});

test('for expressions, conditionals, indexes and templates evaluate with variables and locals', async () => {
  const scope = { vars: { zones: ['a', 'b', 'c'], single: true }, locals: { region: 'us-east-1' } };
  assert.deepEqual(await evalText('${{ for z in var.zones : z => var.single ? var.zones[0] : z }}', scope), { a: 'a', b: 'a', c: 'a' });
  assert.deepEqual(await evalText('${[for z in var.zones : "${local.region}${z}" if z != "b"]}', scope), ['us-east-1a', 'us-east-1c']);
  assert.deepEqual(await evalText('${zipmap(var.zones, [1, 2, 3])}', scope), { a: 1, b: 2, c: 3 });
  assert.deepEqual(await evalText('${{ Name = "x-${var.zones[2]}", (local.region) = 1 }}', scope), { Name: 'x-c', 'us-east-1': 1 });
  assert.equal(await evalText('${alltrue([for z in var.zones : length(z) == 1]) && !var.single}', scope), false);
});

test('quoted strings decode their escapes, so validation regexes mean what they say', async () => {
  assert.equal(await evalText('${"a\\\\.b\\"c\\n"}'), 'a\\.b"c\n');
  assert.equal(await evalText('${can(regex("^1\\\\.[0-9]{2}$", "1.34"))}'), true);
  assert.equal(await evalText('${can(regex("^1\\\\.[0-9]{2}$", "1x34"))}'), false);
});

test('resource attributes stay unknown but remember which instance they come from', async () => {
  const value = await evalText('${aws_nat_gateway.this[local.zone].id}', { locals: { zone: 'us-east-1b' } });
  assert.ok(isUnknown(value));
  assert.deepEqual(value.ref, { kind: 'resource', type: 'aws_nat_gateway', name: 'this', key: 'us-east-1b', attributes: ['id'] });
  assert.equal(await evalText('arn:${data.aws_partition.current.partition}:s3:::x'), 'arn:<data.aws_partition.current.partition>:s3:::x');
});

test('the provider schema the checks use is a version every configuration accepts', async () => {
  const version = providerVersion();
  assert.match(version, /^\d+\.\d+\.\d+$/);
  const ws = await loadWorkspace(TERRAFORM);
  for (const config of [...Object.values(ws.modules), ...ws.roots]) {
    const pins = config.terraform.flatMap((t) => t.body.required_providers || []).map((rp) => rp.aws && rp.aws.version).filter(Boolean);
    for (const pin of pins) {
      const m = /^~>\s*(\d+)\.(\d+)$/.exec(pin);
      assert.ok(m, `${config.dir}: expected a "~> MAJOR.MINOR" pin, got ${pin}`);
      const [major, minor] = version.split('.').map(Number);
      assert.ok(major === Number(m[1]) && minor >= Number(m[2]), `${config.dir}: schema ${version} is outside ${pin}`);
    }
  }
});
