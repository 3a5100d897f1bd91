package io.voyager.gateway.chaos;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.sandbox.SandboxServers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chaos under load against the gateway and its sandbox processors on loopback, with production
 * timeouts and breakers. Quick variants run in {@code ./mvnw verify}; the long ones hold each fault
 * 60 s: {@code ./mvnw -pl voyager-gateway test -Dtest=GatewayChaosTest -Dvoyager.chaos.long=true}.
 * Each run's report is in target/chaos/.
 */
@QuarkusTest
@TestProfile(ChaosProfile.class)
class GatewayChaosTest {

    private static final double RATE = 25;
    private static final Duration FAULT = Duration.ofSeconds(ChaosScenario.LONG ? 60 : 6);
    /** After the fault: the breaker's 5 s delay, its trial calls, and a margin. */
    private static final Duration RECOVERY = Duration.ofSeconds(9);

    private static final Duration STEADY = Duration.ofSeconds(1);
    /** Threads the gateway may add under these faults before we call it exhaustion. */
    private static final int THREAD_HEADROOM = 150;

    private static final double OTHERS_P99_MS = 500;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    SandboxServers sandbox;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    @AfterEach
    void healthy() {
        given().when().delete("/sandbox/faults").then().statusCode(200);
        breakers.resetAll();
    }

    @Test
    void processorHardDownFailsOverAndItsBreakerOpensThenHalfOpensAfterRecovery() throws Exception {
        Map<ProcessorId, Long> before = new EnumMap<>(ProcessorId.class);
        ChaosScenario.Result run = new ChaosScenario("processor-hard-down")
                .atStart(() -> before.putAll(received())).stream("EUR (adyen, down)", "EUR").stream(
                                "USD (stripe)", "USD")
                        .stream("BRL (mercadopago)", "BRL")
                        .rate(RATE)
                        .lasting(STEADY.plus(FAULT).plus(RECOVERY))
                        .at(STEADY, "adyen down: its port refuses connections", () -> fault("adyen", "{\"down\":true}"))
                        .at(STEADY.plus(FAULT), "adyen back", () -> fault("adyen", "{\"down\":false}"))
                        .run(RestAssured.port, breakers);

        LoopbackLoad.Report down = run.stream("EUR (adyen, down)");
        // Requests adyen had received when it went down are cut off: possibly processed, so 502 and no failover.
        assertThat(down.outcomes().keySet()).as(run.text()).isSubsetOf(LoopbackLoad.APPROVED, "http 502");
        assertThat(down.count("http 502"))
                .as("cut off in flight at the crash (at most one second of traffic)\n" + run.text())
                .isLessThanOrEqualTo((long) RATE);
        assertThat(run.stream("USD (stripe)").failed()).as(run.text()).isZero();
        assertThat(run.stream("BRL (mercadopago)").failed()).as(run.text()).isZero();
        assertThat(run.timeline().statesOf(ProcessorId.ADYEN))
                .as(run.text())
                .containsSubsequence("closed", "open", "half_open", "closed");
        assertThat(run.timeline().statesOf(ProcessorId.STRIPE)).as(run.text()).containsExactly("closed");
        assertThat(run.timeline().statesOf(ProcessorId.MERCADOPAGO))
                .as(run.text())
                .containsExactly("closed");
        // Approved requests reached a processor exactly once (no retry, no duplicate on failover). A request cut off
        // at the crash may have died before adyen read it or after: it counts at most once.
        long approved = run.completed() - down.count("http 502");
        assertThat(increase(before, received()))
                .as("requests processed at the processors: each at most once, " + "every approved one exactly once\n"
                        + run.text())
                .isBetween(approved, run.completed());
        assertThat(run.timeline().peakThreads())
                .as(run.text())
                .isLessThan(run.timeline().threadsAtStart() + THREAD_HEADROOM);
    }

    @Test
    void slowProcessorIsHeldByItsBulkheadAndTheOthersKeepTheirLatency() throws Exception {
        ChaosScenario.Result run = new ChaosScenario("slow-processor")
                .stream("USD (stripe, slow)", "USD").stream("EUR (adyen)", "EUR").stream("BRL (mercadopago)", "BRL")
                        .rate(RATE)
                        .lasting(STEADY.plus(FAULT))
                        .at(
                                STEADY,
                                "stripe answers after " + 2 * ChaosProfile.TIMEOUT_MS + " ms (2x its timeout)",
                                () -> fault("stripe", "{\"latencyMs\":" + 2 * ChaosProfile.TIMEOUT_MS + "}"))
                        .run(RestAssured.port, breakers);

        for (String other : new String[] {"EUR (adyen)", "BRL (mercadopago)"}) {
            LoopbackLoad.Report report = run.stream(other);
            assertThat(report.failed()).as(other + "\n" + run.text()).isZero();
            assertThat(report.latencyMillis(99))
                    .as(other + " p99 ms\n" + run.text())
                    .isLessThan(OTHERS_P99_MS);
        }
        LoopbackLoad.Report slow = run.stream("USD (stripe, slow)");
        assertThat(slow.outcomes().keySet())
                .as("a slow processor ends in a timeout (504) or a failover, never a 5xx of ours\n" + run.text())
                .isSubsetOf(LoopbackLoad.APPROVED, "http 504");
        assertThat(slow.count("http 504")).as(run.text()).isPositive();
        assertThat(run.timeline().peakThreads())
                .as(run.text())
                .isLessThan(run.timeline().threadsAtStart() + THREAD_HEADROOM);
    }

    @Test
    void errorStormIsCountedExactlyAndNothingIsRetried() throws Exception {
        Map<ProcessorId, Long> before = new EnumMap<>(ProcessorId.class);
        Map<String, Double> counted = new HashMap<>();
        ChaosScenario.Result run = new ChaosScenario("error-storm")
                        .atStart(() -> {
                            before.putAll(received());
                            counted.put("error", counter("stripe", "error"));
                            counted.put("timeout", counter("stripe", "timeout"));
                            counted.put("approved", counter("stripe", "approved") + counter("adyen", "approved"));
                        })
                        .stream("USD (stripe, 30% errors)", "USD")
                        .rate(RATE * 2)
                        .lasting(STEADY.plus(FAULT))
                        .at(
                                Duration.ZERO,
                                "stripe answers HTTP 500 to 30% of requests",
                                () -> fault("stripe", "{\"errorRate\":0.3}"))
                        .run(RestAssured.port, breakers);

        LoopbackLoad.Report storm = run.stream("USD (stripe, 30% errors)");
        assertThat(storm.outcomes().keySet()).as(run.text()).isSubsetOf(LoopbackLoad.APPROVED, "http 502", "http 504");
        assertThat(storm.count("http 502")).as(run.text()).isPositive();
        assertThat(counter("stripe", "error") - counted.get("error"))
                .as("voyager_authorizations_total{outcome=error}\n" + run.text())
                .isCloseTo(storm.count("http 502"), within(0.0));
        assertThat(counter("stripe", "timeout") - counted.get("timeout"))
                .as("voyager_authorizations_total{outcome=timeout}\n" + run.text())
                .isCloseTo(storm.count("http 504"), within(0.0));
        assertThat(counter("stripe", "approved") + counter("adyen", "approved") - counted.get("approved"))
                .as("voyager_authorizations_total{outcome=approved}\n" + run.text())
                .isCloseTo(storm.count(LoopbackLoad.APPROVED), within(0.0));
        assertThat(increase(before, received()))
                .as("requests at the processors: a 500 is never retried\n" + run.text())
                .isEqualTo(storm.completed());
    }

    private void fault(String processor, String json) {
        given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .put("/sandbox/faults/" + processor)
                .then()
                .statusCode(200);
    }

    private double counter(String processor, String outcome) {
        Counter counter = registry.find("voyager.authorizations")
                .tags("processor", processor, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<ProcessorId, Long> received() {
        Map<ProcessorId, Long> counts = new EnumMap<>(ProcessorId.class);
        for (ProcessorId id : ProcessorId.values()) {
            counts.put(id, sandbox.received(id));
        }
        return counts;
    }

    private static long increase(Map<ProcessorId, Long> before, Map<ProcessorId, Long> after) {
        return after.entrySet().stream()
                .mapToLong(e -> e.getValue() - before.get(e.getKey()))
                .sum();
    }
}
