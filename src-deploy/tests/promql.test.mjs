import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelsInExposition, metricNamesInExposition, metricNamesInQuery, selectorsInQuery } from './lib/promql.mjs';

test('findsMetricNamesButNotFunctionsLabelsOrDurations', () => {
  const query = `max_over_time((
    sum by (le) (rate(http_server_requests_seconds_bucket{uri="/v1/authorizations",pod="{{args.canary-hash}}"}[30s]))
    / on (namespace) group_left sum(increase(voyager_authorizations_total{outcome=~"approved|declined"}[1m]))
  )[1m:30s])`;
  assert.deepEqual([...metricNamesInQuery(query)].sort(),
    ['http_server_requests_seconds_bucket', 'voyager_authorizations_total']);
});

test('readsSeriesNamesFromAScrape', () => {
  const scrape = [
    '# HELP voyager_authorizations_total Authorizations',
    '# TYPE voyager_authorizations_total counter',
    'voyager_authorizations_total{outcome="approved",processor="stripe"} 3.0',
    'http_server_requests_seconds_bucket{le="0.5",uri="/v1/authorizations"} 7.0',
  ].join('\n');
  assert.deepEqual([...metricNamesInExposition(scrape)].sort(),
    ['http_server_requests_seconds_bucket', 'voyager_authorizations_total']);
});

test('readsTheLabelsOfEachSelector', () => {
  assert.deepEqual(selectorsInQuery('sum(rate(a_total{x="1",y=~"{{args.h}}"}[1m])) / b{z!="2"}'),
    [{ name: 'a_total', labels: ['x', 'y'] }, { name: 'b', labels: ['z'] }]);
  const labels = labelsInExposition('a_total{outcome="approved",processor="adyen",} 1.0\n# TYPE b gauge\nb 2');
  assert.deepEqual([...labels.get('a_total')], ['outcome', 'processor']);
});
