// Black Friday: an open-model ramp to the 45K req/s peak with the production
// mix, held long enough to see autoscaling settle. Spread over k6-operator
// runners with loadtest/k8s/testrun.yaml; k6 splits the arrival rate between them.
import { authorize, baseOptions } from './lib/gateway.js';
import { SLO } from './lib/slo.js';

const PEAK = Number(__ENV.PEAK_RPS || SLO.peakRatePerSecond);

export const options = baseOptions({
  black_friday: {
    executor: 'ramping-arrival-rate',
    startRate: Math.round(PEAK * 0.1),
    timeUnit: '1s',
    // VUs by Little's law: rate × latency. 45K/s × 0.1 s typical = 4,500 busy;
    // the max covers the whole p99 budget (45K/s × 0.5 s = 22,500).
    preAllocatedVUs: Math.ceil(PEAK * 0.1),
    maxVUs: Math.ceil(PEAK * 0.5),
    stages: [
      { target: Math.round(PEAK * 0.5), duration: '5m' },
      { target: PEAK, duration: '10m' },
      { target: PEAK, duration: '20m' },
      { target: Math.round(PEAK * 0.3), duration: '5m' },
    ],
  },
});

export default function () {
  authorize();
}
