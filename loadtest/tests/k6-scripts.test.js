// k6 cannot run here, so these checks stand in for `k6 inspect`: every script
// must parse as an ES module, import only k6 modules or files that exist, and
// each scenario must export options built from the shared SLO thresholds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

const k6Dir = resolve(dirname(fileURLToPath(import.meta.url)), '../k6');
const scenarios = readdirSync(k6Dir).filter((f) => f.endsWith('.js'));
const libs = readdirSync(join(k6Dir, 'lib')).map((f) => join('lib', f));

function parse(file) {
  return acorn.parse(readFileSync(join(k6Dir, file), 'utf8'), {
    ecmaVersion: 'latest',
    sourceType: 'module',
  });
}

function importsOf(ast) {
  return ast.body.filter((n) => n.type === 'ImportDeclaration').map((n) => n.source.value);
}

test('the five scenarios of the load plan are present', () => {
  assert.deepEqual(
    scenarios.sort(),
    ['black-friday.js', 'canary-watch.js', 'smoke.js', 'soak.js', 'spike.js'],
  );
});

for (const file of [...scenarios, ...libs]) {
  test(`${file} parses as an ES module and imports only k6 or existing files`, () => {
    const ast = parse(file);
    for (const source of importsOf(ast)) {
      if (source === 'k6' || source.startsWith('k6/')) continue;
      assert.ok(source.startsWith('./') || source.startsWith('../'), `${file}: bare import ${source}`);
      const target = resolve(dirname(join(k6Dir, file)), source);
      assert.ok(existsSync(target), `${file}: import ${source} does not exist`);
    }
  });
}

for (const file of scenarios) {
  test(`${file} exports options from the shared SLO thresholds and a default function`, () => {
    const ast = parse(file);
    const exported = ast.body.filter((n) => n.type.startsWith('Export'));
    const options = exported.find(
      (n) => n.type === 'ExportNamedDeclaration' && n.declaration?.declarations?.[0]?.id.name === 'options',
    );
    assert.ok(options, `${file}: no 'export const options'`);
    const init = options.declaration.declarations[0].init;
    assert.equal(init.type, 'CallExpression', `${file}: options must come from baseOptions(...)`);
    assert.equal(init.callee.name, 'baseOptions');
    assert.ok(exported.some((n) => n.type === 'ExportDefaultDeclaration'), `${file}: no default function`);
  });
}
