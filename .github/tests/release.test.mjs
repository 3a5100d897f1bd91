// ./release.sh assembles the same layout locally (--dry-run) as release.yml does,
// and what it renders must fit the argo-rollouts-config that src-deploy ships.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { read, repoRoot, requireFile } from './support/repo.mjs';

const LAUNCHER = 'rollout-metric-plugin/target/voyager-canary-judge';
const ARGO_CONFIG = 'src-deploy/argo-rollouts/argo-rollouts-config.yaml';
const PROD_OVERLAY = 'src-deploy/overlays/prod/kustomization.yaml';
const PLUGIN = 'voyager/canary-judge';
const RELEASE_URL = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/releases\/download\/(v[\w.-]+)\/(voyager-canary-judge-(?:linux-amd64|linux-arm64|jvm))$/;
const SHA256 = /^[0-9a-f]{64}$/;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function releaseSh(...args) {
  return run('bash', ['release.sh', ...args]);
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const scratchDirs = [];
after(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** An output folder; when the real launcher is not built, a stand-in keeps --skip-build runs going. */
function scratch(withNative = false) {
  const dir = mkdtempSync(join(tmpdir(), 'voyager-release-'));
  scratchDirs.push(dir);
  const out = join(dir, 'release');
  mkdirSync(out);
  writeFileSync(join(out, 'voyager-canary-judge-jvm'), '#!/bin/sh\nexec java -jar "$0" "$@"\n');
  const native = join(dir, 'native');
  if (withNative) {
    mkdirSync(native);
    writeFileSync(join(native, 'voyager-canary-judge-linux-amd64'), 'amd64 executable bytes');
    writeFileSync(join(native, 'voyager-canary-judge-linux-arm64'), 'arm64 executable bytes');
  }
  return { dir, out, native };
}

function pluginEntries(configMapText) {
  const configMap = parse(configMapText);
  assert.equal(configMap.kind, 'ConfigMap');
  assert.equal(configMap.metadata.name, 'argo-rollouts-config');
  assert.equal(configMap.metadata.namespace, 'argo-rollouts');
  return parse(configMap.data.metricProviderPlugins);
}

function voyagerEntry(entries) {
  const matching = entries.filter((e) => e.name === PLUGIN);
  assert.equal(matching.length, 1, `exactly one ${PLUGIN} entry`);
  return matching[0];
}

function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'no lines added or removed');
  return a.flatMap((line, i) => (line === b[i] ? [] : [b[i]]));
}

describe('release layout', () => {
  test('dryRunAssemblesTheLauncherItsChecksumAndTheConfigEntry', (t) => {
    if (!requireFile(t, LAUNCHER, '`./mvnw -B -pl rollout-metric-plugin -am package` builds it')) return;
    const { out } = scratch();
    const result = releaseSh('--dry-run', '--skip-build', '--skip-sbom', '--out', out);
    assert.equal(result.status, 0, result.output);

    const launcher = join(out, 'voyager-canary-judge-jvm');
    assert.equal(sha256(launcher), sha256(join(repoRoot, LAUNCHER)), 'the asset is the built launcher');
    assert.ok(statSync(launcher).mode & 0o111, 'the launcher is executable');
    assert.equal(readFileSync(launcher).subarray(0, 2).toString(), '#!');
    assert.equal(
      readFileSync(join(out, 'voyager-canary-judge-jvm.sha256'), 'utf8'),
      `${sha256(launcher)}  voyager-canary-judge-jvm\n`,
    );
    const check = spawnSync('sha256sum', ['--check', 'voyager-canary-judge-jvm.sha256'], { cwd: out, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);

    const [entry] = parse(readFileSync(join(out, 'argo-rollouts-config-entry.yaml'), 'utf8'));
    assert.equal(entry.name, PLUGIN);
    assert.match(entry.location, RELEASE_URL);
    assert.ok(entry.location.endsWith('/voyager-canary-judge-jvm'), 'without native binaries the entry names the launcher');
    assert.equal(entry.sha256, sha256(launcher));
    assert.match(result.output, /JVM launcher/, 'the dry run says the entry points at the launcher');
  });

  test('renderedEntryHasTheShapeSrcDeployExpects', (t) => {
    if (!requireFile(t, ARGO_CONFIG, 'src-deploy ships the argo-rollouts-config ConfigMap')) return;
    const expected = voyagerEntry(pluginEntries(read(ARGO_CONFIG)));
    const [, repo, tag, asset] = RELEASE_URL.exec(expected.location) ?? assert.fail(`unexpected URL ${expected.location}`);
    assert.equal(asset, 'voyager-canary-judge-linux-amd64', 'the stock controller image runs the static amd64 binary');
    assert.match(String(expected.sha256), SHA256);

    const { out, native } = scratch(true);
    const result = releaseSh('--tag', tag, '--repo', repo, '--native-dir', native, '--skip-build', '--skip-sbom', '--out', out);
    assert.equal(result.status, 0, result.output);
    const rendered = parse(readFileSync(join(out, 'argo-rollouts-config-entry.yaml'), 'utf8'));
    assert.equal(rendered.length, 1);
    assert.deepEqual(Object.keys(rendered[0]).sort(), Object.keys(expected).sort());
    assert.equal(rendered[0].name, expected.name);
    assert.equal(rendered[0].location, expected.location);
    assert.equal(rendered[0].sha256, sha256(join(native, 'voyager-canary-judge-linux-amd64')));
    assert.match(rendered[0].sha256, SHA256);
    for (const arch of ['amd64', 'arm64']) {
      assert.equal(
        readFileSync(join(out, `voyager-canary-judge-linux-${arch}.sha256`), 'utf8'),
        `${sha256(join(native, `voyager-canary-judge-linux-${arch}`))}  voyager-canary-judge-linux-${arch}\n`,
      );
    }
  });

  test('aReleaseRefusesToShipWithoutTheStaticAmd64Binary', () => {
    const { out } = scratch();
    const result = releaseSh('--tag', 'v9.9.9', '--skip-build', '--skip-sbom', '--out', out);
    assert.notEqual(result.status, 0);
    assert.match(result.output, /voyager-canary-judge-linux-amd64 is missing/);
  });

  test('aReleaseNeedsAVersionTag', () => {
    assert.match(releaseSh('--skip-build', '--skip-sbom').output, /--tag is required/);
    assert.match(releaseSh('--tag', 'latest', '--skip-build').output, /not of the form vX\.Y\.Z/);
  });

  test('writeConfigRepointsOnlyThePluginEntry', (t) => {
    if (!requireFile(t, ARGO_CONFIG, 'src-deploy ships the argo-rollouts-config ConfigMap')) return;
    const { dir, out, native } = scratch(true);
    const config = join(dir, 'argo-rollouts-config.yaml');
    copyFileSync(join(repoRoot, ARGO_CONFIG), config);
    const result = releaseSh(
      '--tag', 'v7.8.9', '--repo', 'acme/voyager', '--native-dir', native,
      '--skip-build', '--skip-sbom', '--out', out, '--write-config', config,
    );
    assert.equal(result.status, 0, result.output);

    const after = readFileSync(config, 'utf8');
    const entry = voyagerEntry(pluginEntries(after));
    const amd64 = sha256(join(native, 'voyager-canary-judge-linux-amd64'));
    assert.equal(entry.location, 'https://github.com/acme/voyager/releases/download/v7.8.9/voyager-canary-judge-linux-amd64');
    assert.equal(entry.sha256, amd64);
    const changed = changedLines(read(ARGO_CONFIG), after);
    assert.equal(changed.length, 2, `only location and sha256 change: ${changed.join(' | ')}`);
  });

  test('prodOverlayBumpChangesOnlyTheGatewayImage', (t) => {
    if (!requireFile(t, PROD_OVERLAY, 'src-deploy ships the prod overlay')) return;
    const { dir } = scratch();
    const overlay = join(dir, 'kustomization.yaml');
    copyFileSync(join(repoRoot, PROD_OVERLAY), overlay);
    const digest = `sha256:${'ab'.repeat(32)}`;
    const image = 'ghcr.io/acme/voyager-gateway';
    const edit = /set-yaml-item\.pl "\$OVERLAY\/kustomization\.yaml" voyager-gateway \\\n\s+(.*)\n/.exec(read('.github/workflows/deploy.yml'));
    assert.ok(edit, 'deploy.yml edits the prod overlay with set-yaml-item.pl');
    const args = edit[1].split(/\s+/).map((a) => a.replace(/^["']|["']$/g, '').replace('$IMAGE', image).replace('$DIGEST', digest));
    const result = run('.github/scripts/set-yaml-item.pl', [overlay, 'voyager-gateway', ...args]);
    assert.equal(result.status, 0, result.output);

    const before = parse(read(PROD_OVERLAY));
    const after = parse(readFileSync(overlay, 'utf8'));
    const gateway = (images) => images.filter((i) => i.name.split('/').at(-1) === 'voyager-gateway');
    assert.equal(gateway(after.images).length, 1);
    assert.deepEqual(gateway(after.images)[0], { name: gateway(before.images)[0].name, newName: image, digest });
    assert.deepEqual({ ...after, images: [] }, { ...before, images: [] }, 'nothing but the image changes');
    assert.deepEqual(
      after.images.filter((i) => !gateway([i]).length),
      before.images.filter((i) => !gateway([i]).length),
    );
  });

  test('itemEditRefusesAMissingItemOrKey', () => {
    const { dir } = scratch();
    const file = join(dir, 'images.yaml');
    const original = 'images:\n  - name: ghcr.io/acme/voyager-gateway # the gateway\n    digest: "sha256:1"\n  - name: other\n    newName: x\n';
    writeFileSync(file, original);
    assert.match(run('.github/scripts/set-yaml-item.pl', [file, 'missing', 'digest=x']).output, /no list item named missing/);
    assert.match(run('.github/scripts/set-yaml-item.pl', [file, 'voyager-gateway', 'newName=y']).output, /has no newName/);
    assert.equal(readFileSync(file, 'utf8'), original, 'a refused edit leaves the file alone');
    assert.equal(run('.github/scripts/set-yaml-item.pl', [file, 'voyager-gateway', 'digest=sha256:2']).status, 0);
    assert.equal(
      readFileSync(file, 'utf8'),
      'images:\n  - name: ghcr.io/acme/voyager-gateway # the gateway\n    digest: "sha256:2"\n  - name: other\n    newName: x\n',
    );
  });

  test('itemEditSkipsPatchTargetsAndKeepsTheItemWellFormed', () => {
    const { dir } = scratch();
    const file = join(dir, 'kustomization.yaml');
    writeFileSync(file, [
      'patches:', '  - target:', '      kind: Rollout', '      name: voyager-gateway', '    patch: x',
      'images:', '  - newTag: "1.0.0" # moving', '    name: ghcr.io/acme/voyager-gateway', '  - name: other', '',
    ].join('\n'));
    const result = run('.github/scripts/set-yaml-item.pl', [file, 'voyager-gateway', 'digest?=sha256:2', '!newTag']);
    assert.equal(result.status, 0, result.output);
    assert.deepEqual(parse(readFileSync(file, 'utf8')), {
      patches: [{ target: { kind: 'Rollout', name: 'voyager-gateway' }, patch: 'x' }],
      images: [{ name: 'ghcr.io/acme/voyager-gateway', digest: 'sha256:2' }, { name: 'other' }],
    });
  });
});
