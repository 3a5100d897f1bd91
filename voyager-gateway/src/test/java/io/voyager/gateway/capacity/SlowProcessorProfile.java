package io.voyager.gateway.capacity;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The shipped processor settings: the test profile's roomier timeouts are put back to the
 * production default (350 ms); the in-flight limit, breaker and connection pool keep their defaults.
 */
public class SlowProcessorProfile implements QuarkusTestProfile {

    static final String SHIPPED_TIMEOUT_MS = "350";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "voyager.processors.stripe.timeout-ms", SHIPPED_TIMEOUT_MS,
                "voyager.processors.adyen.timeout-ms", SHIPPED_TIMEOUT_MS,
                "voyager.processors.mercadopago.timeout-ms", SHIPPED_TIMEOUT_MS);
    }
}
