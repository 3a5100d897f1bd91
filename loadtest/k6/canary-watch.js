// Canary watch: steady load while a rollout runs. Each response is tagged with
// the X-Voyager-Version it came from, so the summary and any output backend
// show canary and stable side by side.
import { Counter, Rate, Trend } from 'k6/metrics';
import { authorize, baseOptions } from './lib/gateway.js';

const RATE = Number(__ENV.RATE || 500);
const byVersion = new Counter('voyager_responses_by_version');
const failedByVersion = new Rate('voyager_failed_by_version');
const latencyByVersion = new Trend('voyager_latency_by_version', true);

export const options = baseOptions({
  canary_watch: {
    executor: 'constant-arrival-rate',
    rate: RATE,
    timeUnit: '1s',
    duration: __ENV.DURATION || '30m',
    preAllocatedVUs: Math.max(10, Math.ceil(RATE * 0.1)),
    maxVUs: Math.max(50, Math.ceil(RATE * 0.5)),
  },
});

export default function () {
  const res = authorize();
  const version = res.headers['X-Voyager-Version'] || 'unknown';
  const tags = { version };
  byVersion.add(1, tags);
  failedByVersion.add(res.status !== 201, tags);
  latencyByVersion.add(res.timings.duration, tags);
}
