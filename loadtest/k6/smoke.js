// Smoke: one minute at a low, constant arrival rate. Run before any bigger test.
//   k6 run -e BASE_URL=http://localhost:8080 loadtest/k6/smoke.js
import { authorize, baseOptions } from './lib/gateway.js';

export const options = baseOptions({
  smoke: {
    executor: 'constant-arrival-rate',
    rate: 20,
    timeUnit: '1s',
    duration: '1m',
    preAllocatedVUs: 10,
    maxVUs: 50,
  },
});

export default function () {
  authorize();
}
