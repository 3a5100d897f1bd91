import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DASHBOARD, LIVE_CHECK_REPORT, PROVISIONING_DIR } from './lib/paths.mjs';
import { requireFile, requireTool } from './lib/prerequisites.mjs';
import { dashboardExpressions, dashboardPanels, withGrafanaVariables } from './lib/promql.mjs';
import { render as renderDashboard } from '../grafana/generate-dashboard.mjs';

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8'));
const panels = dashboardPanels(dashboard);

test('dashboard JSON is what the generator writes', () => {
  assert.equal(readFileSync(DASHBOARD, 'utf8'), renderDashboard(),
    'voyager-gateway.json was edited by hand: change generate-dashboard.mjs and run it');
});

test('dashboard uses a current schema and a datasource variable', () => {
  assert.ok(dashboard.schemaVersion >= 39, `schemaVersion ${dashboard.schemaVersion}`);
  const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
  assert.equal(variable?.type, 'datasource');
  assert.equal(variable?.query, 'prometheus');
});

test('dashboard has the four rows of the design, each with its panels', () => {
  const rows = [];
  for (const p of dashboard.panels) {
    if (p.type === 'row') rows.push({ title: p.title, panels: [] });
    else rows.at(-1).panels.push(p.title);
  }
  assert.deepEqual(rows.map((r) => r.title), ['SLO overview', 'Business', 'Infrastructure', 'Processor health']);
  const expect = {
    'SLO overview': [/success/i, /p99/i, /error budget remaining/i, /burn rate/i],
    Business: [/by outcome/i, /decline.*processor/i],
    Infrastructure: [/cpu/i, /memory/i, /pods/i, /native memory/i],
    'Processor health': [/throughput/i, /timeout/i, /circuit/i],
  };
  for (const row of rows) {
    for (const pattern of expect[row.title]) {
      assert.ok(row.panels.some((t) => pattern.test(t)), `row ${row.title} has no panel matching ${pattern}: ${row.panels}`);
    }
  }
});

test('every panel has the datasource variable, a unit and a query', () => {
  assert.ok(panels.length >= 13);
  for (const p of panels) {
    assert.deepEqual(p.datasource, { type: 'prometheus', uid: '${datasource}' }, `${p.title}: datasource`);
    assert.ok(p.fieldConfig?.defaults?.unit, `${p.title}: no unit`);
    assert.ok(p.targets?.length > 0, `${p.title}: no query`);
    for (const t of p.targets) {
      assert.ok(t.expr?.trim(), `${p.title}: empty query ${t.refId}`);
      assert.equal(t.datasource?.uid, '${datasource}', `${p.title}: query ${t.refId} datasource`);
    }
  }
});

test('a canary panel compares canary and stable by rollouts_pod_template_hash', () => {
  const canary = panels.filter((p) => /canary/i.test(p.title));
  assert.ok(canary.length > 0, 'no canary panel');
  for (const p of canary) {
    assert.ok(p.targets.every((t) => t.expr.includes('rollouts_pod_template_hash')), `${p.title} does not split by hash`);
    assert.match(p.targets[0].legendFormat, /rollouts_pod_template_hash/);
  }
});

test('every dashboard query parses as PromQL', (t) => {
  if (!requireTool(t, 'promtool')) return;
  const dir = mkdtempSync(join(tmpdir(), 'voyager-dashboard-'));
  try {
    const exprs = dashboardExpressions(dashboard);
    const file = join(dir, 'dashboard-queries.yml');
    const rules = exprs.map(({ expr }, i) => ({ record: `dashboard_query_${i}`, expr: withGrafanaVariables(expr) }));
    writeFileSync(file, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }));
    const run = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every dashboard query returned data in the live Prometheus check', (t) => {
  if (!requireFile(t, LIVE_CHECK_REPORT, 'run `./mvnw -B verify -pl voyager-gateway` first (LivePrometheusCheckTest writes it)')) return;
  const report = JSON.parse(readFileSync(LIVE_CHECK_REPORT, 'utf8'));
  const passed = new Set(report.expressions.filter((e) => e.result === 'data').map((e) => e.expr));
  const missing = dashboardExpressions(dashboard).filter(({ expr }) => !passed.has(expr));
  assert.deepEqual(missing, [], 'dashboard queries the live check did not see return data');
});

test('provisioning loads the dashboards folder and a Prometheus datasource', () => {
  const datasources = parse(readFileSync(join(PROVISIONING_DIR, 'datasources/prometheus.yml'), 'utf8'));
  assert.equal(datasources.apiVersion, 1);
  assert.equal(datasources.datasources[0].type, 'prometheus');
  const providers = parse(readFileSync(join(PROVISIONING_DIR, 'dashboards/voyager.yml'), 'utf8'));
  assert.equal(providers.apiVersion, 1);
  assert.equal(providers.providers[0].type, 'file');
  assert.ok(providers.providers[0].options.path, 'dashboard provider has no path');
});
