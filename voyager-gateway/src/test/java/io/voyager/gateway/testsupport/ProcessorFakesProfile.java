package io.voyager.gateway.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The gateway against WireMock fakes of the real APIs, with breakers small and quick enough to
 * open and half-open within a test, MercadoPago disabled at run time to show routes skip it, and
 * a version of its own, as a canary would be started with.
 */
public class ProcessorFakesProfile implements QuarkusTestProfile {

    public static final int BREAKER_VOLUME = 4;
    public static final int BREAKER_DELAY_MS = 3000;
    public static final String VERSION = "9.9.9-canary";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "voyager.breaker.request-volume-threshold",
                String.valueOf(BREAKER_VOLUME),
                "voyager.breaker.delay",
                BREAKER_DELAY_MS + "ms",
                "voyager.breaker.success-threshold",
                "1",
                "voyager.processors.mercadopago.enabled",
                "false",
                "voyager.version",
                VERSION);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProcessorFakes.class));
    }
}
