package io.voyager.gateway.chaos;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The sandbox processors with production breakers and bulkheads and a little sandbox latency. The
 * long variants use the production timeout (350 ms); the quick ones in {@code ./mvnw verify} allow
 * 1 s, so a JIT or GC pause on a busy two-core CI machine is not mistaken for a processor timeout.
 */
public class ChaosProfile implements QuarkusTestProfile {

    static final int TIMEOUT_MS = ChaosScenario.LONG ? 350 : 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "voyager.processors.stripe.timeout-ms", String.valueOf(TIMEOUT_MS),
                "voyager.processors.adyen.timeout-ms", String.valueOf(TIMEOUT_MS),
                "voyager.processors.mercadopago.timeout-ms", String.valueOf(TIMEOUT_MS),
                "voyager.sandbox.latency.min-ms", "5",
                "voyager.sandbox.latency.max-ms", "20");
    }
}
