// The gateway's SLO as k6 thresholds. The same numbers drive the Prometheus
// alerts in observability/prometheus; loadtest/tests checks that they agree.
export const SLO = Object.freeze({
  successRatio: 0.999, // 99.9% of authorizations succeed (a decline is a success)
  p99Ms: 500, // p99 end-to-end latency under 500 ms
  peakRatePerSecond: 45000, // Black Friday peak
});

export const sloThresholds = Object.freeze({
  http_req_failed: [`rate<${(1 - SLO.successRatio).toFixed(4)}`],
  http_req_duration: [`p(99)<${SLO.p99Ms}`],
});
