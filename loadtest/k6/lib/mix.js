// The production request mix, written without k6 imports so Node can test it.
// `random` is a function returning [0, 1), so callers choose the generator.

// Currency shares seen on the production route: USD dominates, then the
// European and Latin American markets.
export const CURRENCY_MIX = Object.freeze([
  { currency: 'USD', share: 0.55, minorUnits: 2 },
  { currency: 'EUR', share: 0.15, minorUnits: 2 },
  { currency: 'GBP', share: 0.08, minorUnits: 2 },
  { currency: 'BRL', share: 0.10, minorUnits: 2 },
  { currency: 'MXN', share: 0.07, minorUnits: 2 },
  { currency: 'JPY', share: 0.05, minorUnits: 0 },
]);

export const DECLINE_SHARE = 0.03;

export function pickCurrency(random) {
  let r = random();
  for (const entry of CURRENCY_MIX) {
    if (r < entry.share) return entry;
    r -= entry.share;
  }
  return CURRENCY_MIX[0];
}

// An amount between 1.00 and 500.00 in the currency's major unit, in minor units.
export function pickAmount(random, minorUnits) {
  const major = 1 + Math.floor(random() * 500);
  return major * 10 ** minorUnits + Math.floor(random() * 10 ** minorUnits);
}

// One authorization request body. The processor is left to the gateway's
// currency routing, as real merchants do.
export function authorizationBody(random, reference) {
  const { currency, minorUnits } = pickCurrency(random);
  const token = random() < DECLINE_SHARE ? 'tok_declined' : 'tok_approved';
  return {
    merchantId: 'm_loadtest',
    reference,
    amount: { value: pickAmount(random, minorUnits), currency },
    paymentMethod: { token },
  };
}

// Unique per request across runners: the runner id, the VU, the iteration
// and the wall clock cannot all repeat.
export function idempotencyKey(runner, vu, iteration, nowMs) {
  return `lt-${runner}-${vu}-${iteration}-${nowMs.toString(36)}`;
}
