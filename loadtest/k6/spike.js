// Spike: 0 → 100% of peak in 30 s, then hold, as when a flash sale opens.
import { authorize, baseOptions } from './lib/gateway.js';
import { SLO } from './lib/slo.js';

const PEAK = Number(__ENV.PEAK_RPS || SLO.peakRatePerSecond);

export const options = baseOptions({
  spike: {
    executor: 'ramping-arrival-rate',
    startRate: 0,
    timeUnit: '1s',
    preAllocatedVUs: Math.ceil(PEAK * 0.1),
    maxVUs: Math.ceil(PEAK * 0.5),
    stages: [
      { target: PEAK, duration: '30s' },
      { target: PEAK, duration: '5m' },
      { target: 0, duration: '30s' },
    ],
  },
});

export default function () {
  authorize();
}
