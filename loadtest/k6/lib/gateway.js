// Shared k6 plumbing: one function that sends an authorization the way a
// merchant does, and the options every scenario starts from.
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { authorizationBody, idempotencyKey } from './mix.js';
import { sloThresholds } from './slo.js';

export const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080';
const MERCHANT_KEY = __ENV.MERCHANT_API_KEY || '';
const RUNNER = __ENV.K6_RUNNER_ID || __ENV.HOSTNAME || 'local';

// A decline is a business outcome (201 DECLINED), not a failed request.
http.setResponseCallback(http.expectedStatuses(201));

export function baseOptions(scenarios, extraThresholds = {}) {
  return {
    scenarios,
    thresholds: { ...sloThresholds, ...extraThresholds },
    discardResponseBodies: false,
    summaryTrendStats: ['avg', 'med', 'p(90)', 'p(99)', 'p(99.9)', 'max'],
  };
}

export function authorize(tags = {}) {
  const iteration = exec.scenario.iterationInTest;
  const vu = exec.vu.idInTest;
  const body = authorizationBody(Math.random, `order-${RUNNER}-${vu}-${iteration}`);
  const headers = {
    'Content-Type': 'application/json',
    'Idempotency-Key': idempotencyKey(RUNNER, vu, iteration, Date.now()),
  };
  if (MERCHANT_KEY) headers.Authorization = `Bearer ${MERCHANT_KEY}`;
  const res = http.post(`${BASE_URL}/v1/authorizations`, JSON.stringify(body), {
    headers,
    tags: { name: 'POST /v1/authorizations', currency: body.amount.currency, ...tags },
  });
  check(res, {
    'status is 201': (r) => r.status === 201,
    'status is AUTHORIZED or DECLINED': (r) =>
      r.status === 201 && ['AUTHORIZED', 'DECLINED'].includes(r.json('status')),
  });
  return res;
}
