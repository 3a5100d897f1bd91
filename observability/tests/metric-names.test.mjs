import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DASHBOARD, GATEWAY_SCRAPE, ruleFiles } from './lib/paths.mjs';
import { requireFile } from './lib/prerequisites.mjs';
import { dashboardExpressions, metricNames, rules, scrapedNames } from './lib/promql.mjs';

const ruleList = rules(ruleFiles());
const recorded = new Set(ruleList.map((r) => r.record).filter(Boolean));
const expressions = [
  ...ruleList.map((r) => ({ where: `rule ${r.record ?? r.alert}`, expr: r.expr })),
  ...dashboardExpressions(JSON.parse(readFileSync(DASHBOARD, 'utf8'))).map((d) => ({ where: `panel ${d.panel}`, expr: d.expr })),
];

test('every recording rule an expression reads is defined', () => {
  const undefinedNames = expressions.flatMap(({ where, expr }) =>
    [...metricNames(expr)].filter((n) => n.includes(':') && !recorded.has(n)).map((n) => `${where}: ${n}`));
  assert.deepEqual(undefinedNames, []);
});

test('every metric name in rules and dashboards exists in the gateway scrape', (t) => {
  if (!requireFile(t, GATEWAY_SCRAPE, 'run `./mvnw -B verify -pl voyager-gateway` first (the gateway metrics test writes it)')) return;
  const scraped = scrapedNames(readFileSync(GATEWAY_SCRAPE, 'utf8'));
  const missing = expressions.flatMap(({ where, expr }) =>
    [...metricNames(expr)].filter((n) => !n.includes(':') && !scraped.has(n)).map((n) => `${where}: ${n}`));
  assert.deepEqual(missing, [], `names not in ${GATEWAY_SCRAPE}`);
});
