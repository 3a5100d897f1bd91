import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CURRENCY_MIX, DECLINE_SHARE, authorizationBody, idempotencyKey,
} from '../k6/lib/mix.js';

// mulberry32: a small seeded generator so the mix is checked on fixed data.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261126;
const N = 100_000;
const bodies = Array.from({ length: N }, (_, i) => authorizationBody(seeded(SEED + i), `order-${i}`));

test('currency shares add up to one', () => {
  const total = CURRENCY_MIX.reduce((s, c) => s + c.share, 0);
  assert.ok(Math.abs(total - 1) < 1e-9, `shares sum to ${total}`);
});

test(`declines are about 3% of requests (seed ${SEED}, n ${N}, tolerance 0.3 pp)`, () => {
  const declines = bodies.filter((b) => b.paymentMethod.token === 'tok_declined').length / N;
  assert.ok(Math.abs(declines - DECLINE_SHARE) < 0.003, `decline share ${declines}`);
});

test(`each currency appears at its planned share (seed ${SEED}, tolerance 1 pp)`, () => {
  for (const { currency, share } of CURRENCY_MIX) {
    const seen = bodies.filter((b) => b.amount.currency === currency).length / N;
    assert.ok(Math.abs(seen - share) < 0.01, `${currency}: ${seen} vs ${share}`);
  }
});

test('amounts are positive integers in minor units, whole yen for JPY', () => {
  for (const b of bodies) {
    assert.ok(Number.isInteger(b.amount.value) && b.amount.value > 0, JSON.stringify(b.amount));
  }
  const yen = bodies.filter((b) => b.amount.currency === 'JPY');
  assert.ok(yen.every((b) => b.amount.value <= 500), 'JPY amounts must be whole yen up to 500');
});

test('bodies leave the processor to the gateway routing', () => {
  assert.ok(bodies.every((b) => !('processor' in b)));
});

test('idempotency keys never repeat across runners, VUs and iterations', () => {
  const keys = new Set();
  for (const runner of ['r1', 'r2']) {
    for (let vu = 1; vu <= 50; vu++) {
      for (let it = 0; it < 100; it++) keys.add(idempotencyKey(runner, vu, it, 1764000000000));
    }
  }
  assert.equal(keys.size, 2 * 50 * 100);
  assert.ok([...keys].every((k) => k.length >= 1 && k.length <= 255 && /^[\x21-\x7e]+$/.test(k)));
});
