#!/usr/bin/env node
// Writes dashboards/voyager-gateway.json. Panels are declared here as data and laid
// out on Grafana's 24-column grid, so adding one does not mean hand-editing gridPos
// everywhere. observability/tests checks the committed JSON matches this output.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const NS = 'namespace=~"$namespace"';

const target = (expr, legendFormat, refId) => ({ datasource: DATASOURCE, expr, legendFormat, refId, range: true });

function panel(kind, { title, description, unit, queries, width = 6, height = 8, min, max, thresholds, mappings, options, stack }) {
  return {
    type: kind,
    title,
    description,
    datasource: DATASOURCE,
    targets: queries.map(([expr, legend], i) => target(expr, legend, String.fromCharCode(65 + i))),
    fieldConfig: {
      defaults: {
        unit,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        ...(mappings ? { mappings } : {}),
        thresholds: { mode: 'absolute', steps: thresholds ?? [{ color: 'green', value: null }] },
        ...(stack ? { custom: { stacking: { mode: 'normal', group: 'A' }, fillOpacity: 30 } } : {}),
      },
      overrides: [],
    },
    options: options ?? {},
    width,
    height,
  };
}

const steps = (...pairs) => pairs.map(([color, value]) => ({ color, value }));
const gauge = (spec) => panel('gauge', { ...spec, options: { reduceOptions: { calcs: ['lastNotNull'] }, showThresholdMarkers: true } });
const stat = (spec) => panel('stat', { ...spec, options: { reduceOptions: { calcs: ['lastNotNull'] }, colorMode: 'background' } });
const series = (spec) => panel('timeseries', { ...spec, options: { legend: { displayMode: 'table', placement: 'right', calcs: ['lastNotNull', 'max'] }, tooltip: { mode: 'multi' } } });

// Canary vs stable: one line per ReplicaSet hash, labelled with the version it runs.
const withVersion = (expr) =>
  `${expr}\n* on (namespace, rollouts_pod_template_hash) group_left (version)\nmax by (namespace, rollouts_pod_template_hash, version) (voyager_build_info{${NS}})`;

export const ROWS = [
  {
    title: 'SLO overview',
    panels: [
      gauge({
        title: 'Authorization success (5m)',
        description: 'Approved + declined over all authorizations that reached a processor. Objective 99.9%; pages below 99.0%.',
        unit: 'percentunit', min: 0.98, max: 1, width: 4,
        thresholds: steps(['red', null], ['orange', 0.99], ['yellow', 0.995], ['green', 0.999]),
        queries: [[`voyager:authorization_success:ratio_rate5m{${NS}}`, '{{namespace}}']],
      }),
      gauge({
        title: 'p99 latency (5m)',
        description: 'End-to-end p99 of POST /v1/authorizations. Objective 500 ms.',
        unit: 's', min: 0, max: 1, width: 4,
        thresholds: steps(['green', null], ['yellow', 0.35], ['red', 0.5]),
        queries: [[`voyager:authorization_latency_seconds:p99_5m{${NS}}`, '{{namespace}}']],
      }),
      stat({
        title: 'Error budget remaining (30d)',
        description: 'Share of the 30-day error budget (0.1% of authorizations) not yet spent. Negative means overspent.',
        unit: 'percentunit', width: 4,
        thresholds: steps(['red', null], ['orange', 0.25], ['green', 0.5]),
        queries: [[`voyager:authorization_error_budget:remaining_ratio30d{${NS}}`, '{{namespace}}']],
      }),
      series({
        title: 'Error budget burn rate',
        description: '1 = spending the budget exactly over 30 days. Pages at 14.4x (1h and 5m) and 6x (6h and 30m).',
        unit: 'suffix:x', width: 12,
        thresholds: steps(['green', null], ['orange', 6], ['red', 14.4]),
        queries: [
          [`voyager:authorization_error_budget:burn_rate5m{${NS}}`, '5m'],
          [`voyager:authorization_error_budget:burn_rate1h{${NS}}`, '1h'],
          [`voyager:authorization_error_budget:burn_rate6h{${NS}}`, '6h'],
          [`voyager:authorization_error_budget:burn_rate1d{${NS}}`, '1d'],
        ],
      }),
      series({
        title: 'Canary vs stable: success (5m)',
        description: 'Success ratio per ReplicaSet (rollouts_pod_template_hash). During a rollout the canary line should track stable.',
        unit: 'percentunit', width: 12, max: 1,
        queries: [[withVersion(`voyager_rollout:authorization_success:ratio_rate5m{${NS}}`), '{{version}} ({{rollouts_pod_template_hash}})']],
      }),
      series({
        title: 'Canary vs stable: p99 latency (5m)',
        description: 'p99 of POST /v1/authorizations per ReplicaSet (rollouts_pod_template_hash).',
        unit: 's', width: 12,
        thresholds: steps(['green', null], ['red', 0.5]),
        queries: [[withVersion(`voyager_rollout:authorization_latency_seconds:p99_5m{${NS}}`), '{{version}} ({{rollouts_pod_template_hash}})']],
      }),
    ],
  },
  {
    title: 'Business',
    panels: [
      series({
        title: 'Authorizations by outcome',
        description: 'approved and declined are answers from a processor; error and timeout are failures; rejected is bad input refused before any processor.',
        unit: 'reqps', width: 12, stack: true,
        queries: [[`sum by (outcome) (rate(voyager_authorizations_total{${NS}}[$__rate_interval]))`, '{{outcome}}']],
      }),
      series({
        title: 'Decline ratio by processor (5m)',
        description: 'Declined over all answered authorizations per processor. A jump on one processor is its risk engine or an issuer, not our code.',
        unit: 'percentunit', width: 12,
        queries: [[`voyager_processor:authorization_declines:ratio_rate5m{${NS}}`, '{{processor}}']],
      }),
    ],
  },
  {
    title: 'Infrastructure',
    panels: [
      series({
        title: 'CPU per pod',
        description: 'Process CPU usage of each gateway JVM, as a share of the CPUs it sees.',
        unit: 'percentunit', width: 6, min: 0,
        queries: [[`process_cpu_usage{${NS}}`, '{{pod}}']],
      }),
      series({
        title: 'Heap memory per pod',
        description: 'JVM heap used and committed.',
        unit: 'bytes', width: 6, min: 0,
        queries: [
          [`sum by (pod) (jvm_memory_used_bytes{area="heap", ${NS}})`, 'used {{pod}}'],
          [`sum by (pod) (jvm_memory_committed_bytes{area="heap", ${NS}})`, 'committed {{pod}}'],
        ],
      }),
      series({
        title: 'Pods by version',
        description: 'Gateway pods reporting metrics, per version and ReplicaSet.',
        unit: 'short', width: 6, min: 0,
        queries: [[`count by (version, rollouts_pod_template_hash) (voyager_build_info{${NS}})`, '{{version}} ({{rollouts_pod_template_hash}})']],
      }),
      series({
        title: 'Non-heap and native memory per pod',
        description: 'Metaspace, code cache and direct buffers: the memory outside the heap that counts against the container limit.',
        unit: 'bytes', width: 6, min: 0,
        queries: [
          [`sum by (pod) (jvm_memory_used_bytes{area="nonheap", ${NS}})`, 'non-heap {{pod}}'],
          [`sum by (pod) (jvm_buffer_memory_used_bytes{${NS}})`, 'buffers {{pod}}'],
        ],
      }),
    ],
  },
  {
    title: 'Processor health',
    panels: [
      series({
        title: 'Processor throughput (5m)',
        description: 'Calls per second to each processor, failover attempts included.',
        unit: 'reqps', width: 6, min: 0,
        queries: [[`voyager_processor:processor_requests:rate5m{${NS}}`, '{{processor}}']],
      }),
      series({
        title: 'Processor timeout rate (5m)',
        description: 'Share of calls that timed out. Alerts above 5%; timeouts are not failed over.',
        unit: 'percentunit', width: 6, min: 0,
        thresholds: steps(['green', null], ['red', 0.05]),
        queries: [[`voyager_processor:processor_timeouts:ratio_rate5m{${NS}}`, '{{processor}}']],
      }),
      series({
        title: 'Processor call p99 (5m)',
        description: 'p99 of calls to each processor, inside the per-call timeout.',
        unit: 's', width: 6, min: 0,
        queries: [[`histogram_quantile(0.99, sum by (processor, le) (rate(voyager_processor_request_seconds_bucket{${NS}}[5m])))`, '{{processor}}']],
      }),
      panel('state-timeline', {
        title: 'Circuit breaker state',
        description: 'Worst state over the pods: closed, half_open (probing) or open (short-circuited, failing over).',
        unit: 'short', width: 6,
        mappings: [{ type: 'value', options: { 0: { text: 'closed', color: 'green' }, 1: { text: 'half_open', color: 'yellow' }, 2: { text: 'open', color: 'red' } } }],
        queries: [[`max by (processor) (2 * voyager_circuit_breaker_state{state="open", ${NS}} or voyager_circuit_breaker_state{state="half_open", ${NS}})`, '{{processor}}']],
        options: { showValue: 'never', mergeValues: true },
      }),
    ],
  },
];

export function dashboard() {
  const panels = [];
  let id = 1;
  let y = 0;
  for (const row of ROWS) {
    panels.push({ type: 'row', title: row.title, id: id++, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y: y++ }, panels: [] });
    let x = 0;
    let rowHeight = 0;
    for (const { width, height, ...p } of row.panels) {
      if (x + width > 24) {
        y += rowHeight;
        x = 0;
        rowHeight = 0;
      }
      panels.push({ ...p, id: id++, gridPos: { h: height, w: width, x, y } });
      x += width;
      rowHeight = Math.max(rowHeight, height);
    }
    y += rowHeight;
  }
  return {
    uid: 'voyager-gateway',
    title: 'Voyager gateway',
    description: 'Is it our code, capacity or a processor? SLO first, then business, infrastructure and processors.',
    tags: ['voyager', 'slo'],
    schemaVersion: 39,
    version: 1,
    editable: true,
    graphTooltip: 1,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    timezone: 'utc',
    links: [{ title: 'Runbooks', type: 'link', url: 'https://github.com/voyager-payments/voyager/blob/main/docs/runbooks.md', targetBlank: true }],
    annotations: { list: [] },
    templating: {
      list: [
        { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0, refresh: 1 },
        {
          name: 'namespace', label: 'Namespace', type: 'query', datasource: DATASOURCE,
          query: { query: 'label_values(voyager_build_info, namespace)', refId: 'namespace' },
          definition: 'label_values(voyager_build_info, namespace)',
          includeAll: true, allValue: '.*', multi: false, current: {}, refresh: 2, hide: 0,
        },
      ],
    },
    panels,
  };
}

export const OUTPUT = fileURLToPath(new URL('./dashboards/voyager-gateway.json', import.meta.url));
export const render = () => JSON.stringify(dashboard(), null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, render());
  console.log(`wrote ${OUTPUT}`);
}
