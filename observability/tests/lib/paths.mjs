import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const PROMETHEUS_DIR = join(REPO, 'observability/prometheus');
export const RULE_TESTS_DIR = join(PROMETHEUS_DIR, 'tests');
export const DASHBOARD = join(REPO, 'observability/grafana/dashboards/voyager-gateway.json');
export const PROVISIONING_DIR = join(REPO, 'observability/grafana/provisioning');
export const RUNBOOKS = join(REPO, 'docs/runbooks.md');
// Written by the gateway's tests during `./mvnw verify`, which test.sh runs before these checks.
export const GATEWAY_SCRAPE = join(REPO, 'voyager-gateway/target/q-metrics.txt');
export const LIVE_CHECK_REPORT = join(REPO, 'voyager-gateway/target/live-prometheus-check.json');

export const ruleFiles = () =>
  readdirSync(PROMETHEUS_DIR).filter((f) => f.endsWith('.yml')).sort().map((f) => join(PROMETHEUS_DIR, f));
export const ruleTestFiles = () =>
  readdirSync(RULE_TESTS_DIR).filter((f) => f.endsWith('.test.yml')).sort().map((f) => join(RULE_TESTS_DIR, f));
