import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PROMETHEUS_DIR, RUNBOOKS, ruleFiles, ruleTestFiles } from './lib/paths.mjs';
import { requireTool } from './lib/prerequisites.mjs';
import { rules } from './lib/promql.mjs';
import { OUTPUT as RECORDING_RULES, render as renderRecordingRules, WINDOWS } from '../prometheus/generate-recording-rules.mjs';

const promtool = (...args) => spawnSync('promtool', args, { cwd: PROMETHEUS_DIR, encoding: 'utf8', timeout: 120_000 });
const alerts = () => rules(ruleFiles()).filter((r) => r.alert);

test('every rule file passes promtool check rules', (t) => {
  if (!requireTool(t, 'promtool')) return;
  for (const file of ruleFiles()) {
    const run = promtool('check', 'rules', file);
    assert.equal(run.status, 0, `promtool check rules ${file}\n${run.stdout}${run.stderr}`);
  }
});

test('every promtool unit test passes', (t) => {
  if (!requireTool(t, 'promtool')) return;
  const files = ruleTestFiles();
  assert.ok(files.length >= 4, `expected the rule unit tests in ${PROMETHEUS_DIR}/tests, found ${files}`);
  for (const file of files) {
    const run = promtool('test', 'rules', file);
    assert.equal(run.status, 0, `promtool test rules ${file}\n${run.stdout}${run.stderr}`);
  }
});

test('recording rules file is what the generator writes', () => {
  assert.equal(readFileSync(RECORDING_RULES, 'utf8'), renderRecordingRules(),
    'voyager-recording-rules.yml was edited by hand: change generate-recording-rules.mjs and run it');
});

test('SLIs are recorded at every window from 30s to 1d', () => {
  const recorded = new Set(rules(ruleFiles()).map((r) => r.record).filter(Boolean));
  for (const window of ['30s', '5m', '30m', '1h', '6h', '1d']) {
    assert.ok(WINDOWS.includes(window), `window ${window} missing from the generator`);
    for (const name of [
      `voyager:authorization_success:ratio_rate${window}`,
      `voyager:authorization_latency_seconds:p99_${window}`,
      `voyager_processor:processor_success:ratio_rate${window}`,
      `voyager_processor:processor_timeouts:ratio_rate${window}`,
      `voyager_processor:processor_requests:rate${window}`,
    ]) assert.ok(recorded.has(name), `no recording rule ${name}`);
  }
  assert.ok(recorded.has('voyager:authorization_error_budget:remaining_ratio30d'), 'no error-budget-remaining rule');
});

test('every alert the issue names exists with a severity and a summary', () => {
  const byName = new Map(alerts().map((a) => [a.alert, a]));
  for (const name of ['VoyagerSLOWarning', 'VoyagerSLOCritical', 'VoyagerLatencyP99High', 'VoyagerProcessorTimeouts',
    'VoyagerProcessorDown', 'VoyagerCircuitOpen', 'VoyagerErrorBudgetBurnFast', 'VoyagerErrorBudgetBurnSteady',
    'VoyagerErrorBudgetBurnSlow', 'VoyagerErrorBudgetBurnChronic']) {
    const alert = byName.get(name);
    assert.ok(alert, `alert ${name} is missing`);
    assert.match(alert.labels?.severity ?? '', /^(critical|warning)$/, `${name} severity`);
    assert.ok(alert.annotations?.summary, `${name} has no summary`);
  }
});

test('every alert has a unit test that expects it to fire', () => {
  const tested = ruleTestFiles().map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const { alert } of alerts()) {
    assert.match(tested, new RegExp(`alertname: ${alert}\\n\\s+exp_alerts:`), `no promtool test expects ${alert} to fire`);
  }
});

// GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes.
const anchor = (heading) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');

test('every runbook link lands on a runbook section with a first response', () => {
  const runbooks = readFileSync(RUNBOOKS, 'utf8');
  const sections = new Map();
  for (const part of runbooks.split(/^## /m).slice(1)) {
    const [heading, ...body] = part.split('\n');
    sections.set(anchor(heading), body.join('\n'));
  }
  for (const { alert, annotations } of alerts()) {
    const url = annotations?.runbook_url ?? '';
    const match = /\/docs\/runbooks\.md#([\w-]+)$/.exec(url);
    assert.ok(match, `${alert}: runbook_url ${url} does not point into docs/runbooks.md`);
    assert.ok(sections.has(match[1]), `${alert}: docs/runbooks.md has no section #${match[1]}`);
    assert.match(sections.get(match[1]), /first response/i, `${alert}: its runbook section has no first response`);
  }
});
