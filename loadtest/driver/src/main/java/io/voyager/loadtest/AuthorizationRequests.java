package io.voyager.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Authorization requests in the production mix (see loadtest/k6/lib/mix.js): USD-heavy
 * currencies, about 3% declines, a unique idempotency key each, and no processor so the
 * gateway's currency routing decides. Request i is a pure function of (seed, i).
 */
public final class AuthorizationRequests implements RequestSource {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "BRL", "MXN", "JPY"};
    private static final double[] SHARES = {0.55, 0.15, 0.08, 0.10, 0.07, 0.05};
    private static final double DECLINE_SHARE = 0.03;

    private final long seed;
    private final String runId;
    private final String merchantKey;

    public AuthorizationRequests(long seed, String runId, String merchantKey) {
        this.seed = seed;
        this.runId = runId;
        this.merchantKey = merchantKey;
    }

    @Override
    public OutgoingRequest request(long index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        String currency = pickCurrency(random.nextDouble());
        long amount = currency.equals("JPY") ? 1 + random.nextInt(50_000) : 100 + random.nextInt(50_000);
        String token = random.nextDouble() < DECLINE_SHARE ? "tok_declined" : "tok_approved";
        String body = "{\"merchantId\":\"m_loadtest\",\"reference\":\"order-" + runId + "-" + index
                + "\",\"amount\":{\"value\":" + amount + ",\"currency\":\"" + currency
                + "\"},\"paymentMethod\":{\"token\":\"" + token + "\"}}";
        Map<String, String> headers = merchantKey == null || merchantKey.isEmpty()
                ? Map.of("Content-Type", "application/json", "Idempotency-Key", runId + "-" + index)
                : Map.of(
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        runId + "-" + index,
                        "Authorization",
                        "Bearer " + merchantKey);
        return new OutgoingRequest("POST", "/v1/authorizations", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String pickCurrency(double r) {
        for (int i = 0; i < SHARES.length; i++) {
            if (r < SHARES[i]) {
                return CURRENCIES[i];
            }
            r -= SHARES[i];
        }
        return CURRENCIES[0];
    }
}
