// Soak: hours at 60% of peak, to find leaks, slow GC drift and connection churn.
import { authorize, baseOptions } from './lib/gateway.js';
import { SLO } from './lib/slo.js';

const RATE = Math.round(Number(__ENV.PEAK_RPS || SLO.peakRatePerSecond) * 0.6);

export const options = baseOptions({
  soak: {
    executor: 'constant-arrival-rate',
    rate: RATE,
    timeUnit: '1s',
    duration: __ENV.SOAK_DURATION || '4h',
    preAllocatedVUs: Math.ceil(RATE * 0.1),
    maxVUs: Math.ceil(RATE * 0.5),
  },
});

export default function () {
  authorize();
}
