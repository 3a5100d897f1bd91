// The gateway's Dockerfiles: the Dockerfile language server's linter, the image
// rules hadolint would enforce, and agreement with what the build and release produce.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ValidationSeverity, validate } from 'dockerfile-utils';
import { contextViolations, dockerfileViolations } from './support/dockerfile-policy.mjs';
import { loadWorkflow, read, repoRoot, requireFile } from './support/repo.mjs';

const DOCKER_DIR = 'voyager-gateway/src/main/docker';
const DOCKERFILES = ['Dockerfile.jvm', 'Dockerfile.native'];
const EVERY_RULE_IS_AN_ERROR = Object.fromEntries(
  [
    'deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing',
    'instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple',
    'instructionJSONInSingleQuotes', 'instructionWorkdirRelative',
  ].map((rule) => [rule, ValidationSeverity.ERROR]),
);

function optional(path) {
  return existsSync(join(repoRoot, path)) ? read(path) : undefined;
}

describe('gateway Dockerfiles', () => {
  for (const name of DOCKERFILES) {
    const content = read(`${DOCKER_DIR}/${name}`);

    test(`${name} passes the Dockerfile linter`, () => {
      const problems = validate(content, EVERY_RULE_IS_AN_ERROR);
      assert.deepEqual(problems.map((p) => `${name}:${p.range.start.line + 1} ${p.message}`), []);
    });

    test(`${name} runs as non-root from a digest-pinned minimal base with no secrets in layers`, () => {
      assert.deepEqual(dockerfileViolations(name, content), []);
    });

    test(`${name} builds from a context holding only the build output`, () => {
      assert.deepEqual(contextViolations(name, optional(`${DOCKER_DIR}/${name}.dockerignore`)), []);
    });
  }

  test('policyFlagsRootTagOnlyBaseAndBakedSecrets', () => {
    const bad = [
      'FROM eclipse-temurin:17',
      'ARG STRIPE_API_KEY',
      'ENV DB_PASSWORD=hunter2',
      'ADD https://example.com/app.jar /app.jar',
      'COPY config/.env secrets/stripe.pem /app/',
      'USER root',
      'CMD java -jar /app.jar',
    ].join('\n');
    const violations = dockerfileViolations('Bad', bad);
    for (const expected of [/not pinned/, /neither distroless/, /STRIPE_API_KEY/, /DB_PASSWORD/, /ADD/, /\.env/, /stripe\.pem/, /USER root/, /JSON/]) {
      assert.ok(violations.some((v) => expected.test(v)), `expected a violation matching ${expected}: ${violations.join('; ')}`);
    }
    assert.match(dockerfileViolations('NoUser', 'FROM gcr.io/distroless/static@sha256:' + 'a'.repeat(64)).join(), /no USER/);
    assert.equal(contextViolations('Dockerfile.x', '!target/\n').length, 1);
  });

  test('jvmImageCopiesTheFastJarLayoutTheBuildProduces', (t) => {
    if (!requireFile(t, 'voyager-gateway/target/quarkus-app/quarkus-run.jar', 'test.sh runs ./mvnw verify first')) return;
    const content = read(`${DOCKER_DIR}/Dockerfile.jvm`);
    const sources = [...content.matchAll(/^COPY\s+(?:--\S+\s+)*(\S+)\s/gm)].map((m) => m[1]);
    assert.ok(sources.length >= 4);
    for (const source of sources) {
      const path = source.replace('*.jar', 'quarkus-run.jar');
      assert.ok(existsSync(join(repoRoot, 'voyager-gateway', path)), `voyager-gateway/${path} exists after the build`);
    }
    assert.match(content, /"-jar", "\/deployments\/quarkus-run\.jar"/);
  });

  test('nativeImageCopiesTheExecutablesTheReleaseDownloads', () => {
    const content = read(`${DOCKER_DIR}/Dockerfile.native`);
    const native = loadWorkflow('native.yml');
    const release = loadWorkflow('release.yml');
    assert.match(content, /COPY\s+--chmod=0555 target\/native\/voyager-gateway-linux-\$\{TARGETARCH\} /);
    assert.match(native.source, /name: gateway-native-linux-\$\{\{ matrix\.arch \}\}/);
    assert.match(native.source, /path: dist\/voyager-gateway-linux-\$\{\{ matrix\.arch \}\}/);
    assert.match(release.source, /pattern: gateway-native-linux-\*\n\s+path: voyager-gateway\/target\/native\n/);
  });
});
