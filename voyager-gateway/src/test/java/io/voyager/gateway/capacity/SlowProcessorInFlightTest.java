package io.voyager.gateway.capacity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.voyager.gateway.testsupport.Payments;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pod must hold many slow processor calls at once without a thread per call. 500 authorizations
 * for Stripe arrive within 200 ms while the sandbox answers each 250 ms late, inside the shipped
 * 350 ms timeout, so all 500 are in flight together. Had they to wait for one another (a thread
 * pool, or the bulkhead of 64 a blocking client had) most would time out (504) or be refused.
 *
 * <p>The JVM is first brought to a steady state with instant answers: a JIT-cold JVM needs more
 * than the 100 ms the timeout leaves for the gateway's own work, which is what the start-up
 * warm-up and figure 3 of docs/benchmarks.md are about, not this test.
 */
@QuarkusTest
@TestProfile(SlowProcessorProfile.class)
class SlowProcessorInFlightTest {

    private static final int IN_FLIGHT = 500;
    private static final int LATENCY_MS = 250;
    private static final long ARRIVAL_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int WARM_UP_LATENCY_MS = 20;
    private static final int WARM_UP_IN_FLIGHT_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 3;
    // The shipped breaker: open for 5 s, closed again after 3 good trial calls.
    private static final long BREAKER_DELAY_MS = 5_000;
    private static final int BREAKER_SUCCESS_THRESHOLD = 3;
    private static final int[] WARM_UP_BURSTS = {10, 20, 40, 80, 160, 240, 320, 400, 450, 500, 500, 500, 500};

    @TestHTTPResource(Payments.PATH)
    URI authorizations;

    @Inject
    Vertx vertx;

    private HttpClient http;
    private final AtomicInteger trials = new AtomicInteger();

    @BeforeEach
    void client() {
        http = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
    }

    @Test
    void fiveHundredAuthorizationsInFlightAgainstA250MsProcessorAreAllCreated() throws Exception {
        warmUp();

        // A design that queues calls fails every round; a stall of the shared cores during one round (100 ms of
        // slack) fails only that round, so up to MEASURED_ROUNDS rounds are tried and the first clean one counts.
        InFlightRound round = inFlightRound("in-flight-1");
        for (int attempt = 2; attempt <= MEASURED_ROUNDS && !round.allCreated(); attempt++) {
            closeTheBreaker();
            round = inFlightRound("in-flight-" + attempt);
        }
        long lastSent = round.lastSent();
        List<Answer> answers = round.answers();

        assertThat(answers.stream().filter(answer -> answer.at() > lastSent).count())
                .as("calls still unanswered when the last one was sent")
                .isEqualTo(IN_FLIGHT);
        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        assertThat(byStatus).as("answers by HTTP status").isEqualTo(Map.of(201, (long) IN_FLIGHT));
        assertThat(answers)
                .as("every one authorized by the processor it named, none failed over")
                .allSatisfy(answer -> assertThat(answer.body())
                        .contains("\"status\":\"AUTHORIZED\"")
                        .contains("\"processor\":\"stripe\""));
    }

    /**
     * Brings the JVM and both hops' connection pools to the steady state the test is about: bursts
     * that grow round by round, against a sandbox answering 20 ms late so that each burst is in
     * flight at once, then a few rounds of the measured shape itself. Those may time out on a busy
     * machine and open the breaker; it is then waited out and closed with trial calls, so only the
     * measured calls count.
     */
    private void warmUp() throws Exception {
        setStripeLatency(WARM_UP_LATENCY_MS);
        boolean allCreated = true;
        for (int concurrency : WARM_UP_BURSTS) {
            List<Future<Answer>> warm = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                warm.add(authorize("warm-up-" + concurrency + "-" + i));
            }
            allCreated &= awaitAll(warm).stream().allMatch(answer -> answer.status() == 201);
        }
        setStripeLatency(LATENCY_MS);
        for (int round = 0; round < WARM_UP_IN_FLIGHT_ROUNDS; round++) {
            allCreated &= inFlightRound("warm-up-round-" + round).answers().stream()
                    .allMatch(answer -> answer.status() == 201);
        }
        if (!allCreated) {
            closeTheBreaker();
        }
    }

    /** Waits out an open breaker and closes it with trial calls. */
    private void closeTheBreaker() throws Exception {
        Thread.sleep(BREAKER_DELAY_MS + 500);
        int createdInARow = 0;
        for (int trial = 0; trial < 20 && createdInARow < BREAKER_SUCCESS_THRESHOLD; trial++) {
            createdInARow = awaitAll(List.of(authorize("trial-" + trials.incrementAndGet())))
                                    .get(0)
                                    .status()
                            == 201
                    ? createdInARow + 1
                    : 0;
        }
        assertThat(createdInARow)
                .as("consecutive trial calls created after the warm-up")
                .isEqualTo(BREAKER_SUCCESS_THRESHOLD);
    }

    /** 500 calls paced evenly over the arrival window; answers and when the last one was sent. */
    private InFlightRound inFlightRound(String name) throws Exception {
        long start = System.nanoTime();
        List<Future<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            LockSupport.parkNanos(start + i * ARRIVAL_WINDOW_NANOS / IN_FLIGHT - System.nanoTime());
            calls.add(authorize(name + "-" + i));
        }
        long lastSent = System.nanoTime();
        return new InFlightRound(awaitAll(calls), lastSent);
    }

    private record InFlightRound(List<Answer> answers, long lastSent) {
        boolean allCreated() {
            return answers.stream().allMatch(answer -> answer.status() == 201);
        }
    }

    private static void setStripeLatency(int latencyMs) {
        given().contentType("application/json")
                .body("{\"latencyMs\":" + latencyMs + ",\"errorRate\":0,\"down\":false}")
                .when()
                .put("/sandbox/faults/stripe")
                .then()
                .statusCode(200);
    }

    @AfterEach
    void answerInstantlyAgain() {
        http.close();
        given().when().delete("/sandbox/faults").then().statusCode(200);
    }

    private Future<Answer> authorize(String reference) {
        String body = "{\"merchantId\":\"" + Payments.MERCHANT + "\",\"reference\":\"" + reference + "\","
                + "\"amount\":{\"value\":1299,\"currency\":\"USD\"},\"paymentMethod\":{\"token\":\"tok_approved\"},"
                + "\"processor\":\"stripe\"}";
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(authorizations.getHost())
                .setPort(authorizations.getPort())
                .setURI(authorizations.getPath())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", "capacity-" + reference + "-" + System.nanoTime())
                .putHeader("Authorization", "Bearer " + Payments.SANDBOX_KEY);
        return http.request(request)
                .compose(sent -> sent.send(body))
                .compose(response -> response.body()
                        .map(answer -> new Answer(response.statusCode(), answer.toString(), System.nanoTime())));
    }

    private static List<Answer> awaitAll(List<Future<Answer>> calls) throws Exception {
        return Future.all(calls)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS)
                .<Answer>list();
    }

    private record Answer(int status, String body, long at) {}
}
