package io.voyager.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenModelDriverTest {

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    @Test
    void sendsEveryPlannedRequestAndCountsDeclinesAsSuccess() throws Exception {
        AtomicInteger received = new AtomicInteger();
        int port = serve(
                (req, n) -> {
                    String status = n % 10 == 0 ? "DECLINED" : "AUTHORIZED";
                    req.response()
                            .setStatusCode(201)
                            .putHeader("X-Voyager-Version", "1.2.3")
                            .end("{\"status\":\"" + status + "\"}");
                },
                received);

        LoadReport report = run(port, 400, Duration.ofSeconds(1), 8, 1_000);

        assertThat(report.sent()).isEqualTo(400);
        assertThat(received.get()).isEqualTo(400);
        assertThat(report.succeeded()).isEqualTo(400);
        assertThat(report.count(LoadReport.DECLINED)).isEqualTo(40);
        assertThat(report.versions()).containsEntry("1.2.3", 400L);
    }

    @Test
    void measuresQueuedRequestsFromTheirIntendedSendTime() throws Exception {
        // One connection; the server holds request #20 for 500 ms. Everything planned
        // behind it waits in the client queue. Measured from the actual write, those
        // requests would look fast; measured from the plan, they show the stall.
        AtomicInteger received = new AtomicInteger();
        int port = serve(
                (req, n) -> {
                    if (n == 20) {
                        vertx.setTimer(
                                500, t -> req.response().setStatusCode(201).end("{}"));
                    } else {
                        req.response().setStatusCode(201).end("{}");
                    }
                },
                received);

        LoadReport report = run(port, 200, Duration.ofSeconds(2), 1, 1_000);

        long slow = report.latencyHistogram().getCountBetweenValues(250_000_000L, Long.MAX_VALUE);
        // About 100 requests were planned during the 500 ms stall; the first ~50 of them waited >= 250 ms.
        assertThat(slow).as("requests seen waiting >= 250 ms").isGreaterThanOrEqualTo(40);
        assertThat(report.succeeded()).isEqualTo(400);
    }

    @Test
    void leavesTheWarmUpOutOfTheReportAndNeverRepeatsAnIdempotencyKey() throws Exception {
        // The server is slow for its first 100 requests: with a 1 s warm-up at 200 req/s they all
        // fall in the warm-up, so the measured run sees only fast answers.
        AtomicInteger received = new AtomicInteger();
        java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger repeatedKeys = new AtomicInteger();
        int port = serve(
                (req, n) -> {
                    if (!keys.add(req.getHeader("Idempotency-Key"))) {
                        repeatedKeys.incrementAndGet();
                    }
                    if (n < 100) {
                        vertx.setTimer(
                                300, t -> req.response().setStatusCode(201).end("{}"));
                    } else {
                        req.response().setStatusCode(201).end("{}");
                    }
                },
                received);
        LoadPlan plan = new LoadPlan(
                new ArrivalSchedule(200, Duration.ofSeconds(1)),
                TrafficSplit.single(URI.create("http://127.0.0.1:" + port)),
                new AuthorizationRequests(7, "test", null),
                Duration.ofSeconds(5),
                50,
                1_000);

        LoadReport report =
                new OpenModelDriver(plan).warmUpFor(Duration.ofSeconds(1)).run();

        assertThat(received.get())
                .as("warm-up and measured requests the server saw")
                .isEqualTo(400);
        assertThat(repeatedKeys.get()).as("idempotency keys sent twice").isZero();
        assertThat(report.sent()).isEqualTo(200);
        assertThat(report.succeeded()).isEqualTo(200);
        assertThat(report.latencyHistogram().getCountBetweenValues(250_000_000L, Long.MAX_VALUE))
                .as("measured requests that waited for the slow start")
                .isZero();
    }

    @Test
    void countsRefusedConnectionsAndStillFinishes() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LoadReport report = run(closedPort, 50, Duration.ofSeconds(1), 4, 1_000);
        assertThat(report.count("connect failed")).isEqualTo(50);
        assertThat(report.succeeded()).isZero();
    }

    @Test
    void shedsBeyondTheInFlightBoundInsteadOfGrowing() throws Exception {
        AtomicInteger received = new AtomicInteger();
        int port = serve(
                (req, n) -> vertx.setTimer(
                        300, t -> req.response().setStatusCode(201).end("{}")),
                received);

        LoadReport report = run(port, 200, Duration.ofSeconds(1), 50, 5);

        assertThat(report.count(OpenModelDriver.SHED)).isGreaterThan(100);
        assertThat(report.count(OpenModelDriver.SHED) + report.succeeded()).isEqualTo(200);
    }

    @Test
    void followsTheWeightsFileAndRecordsEachTargetsOutcomes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        AtomicInteger stable = new AtomicInteger();
        AtomicInteger canary = new AtomicInteger();
        int stablePort = serve((req, n) -> req.response().setStatusCode(201).end("{}"), stable);
        int canaryPort = serve((req, n) -> req.response().setStatusCode(502).end("{}"), canary);
        java.nio.file.Path weights = dir.resolve("weights");
        java.nio.file.Files.writeString(weights, "0 1");
        java.io.StringWriter csv = new java.io.StringWriter();
        LoadPlan plan = new LoadPlan(
                new ArrivalSchedule(200, Duration.ofSeconds(1)),
                new TrafficSplit(
                        java.util.List.of(
                                URI.create("http://127.0.0.1:" + stablePort),
                                URI.create("http://127.0.0.1:" + canaryPort)),
                        new int[] {1, 0}),
                new AuthorizationRequests(7, "test", null),
                Duration.ofSeconds(5),
                8,
                1_000);

        LoadReport report = new OpenModelDriver(plan)
                .followWeights(new WeightsFile(weights))
                .recordTimeline(new TargetTimeline(2, 60_000, csv))
                .run();

        assertThat(canary.get())
                .as("requests the weights file sent to the canary")
                .isEqualTo(200);
        assertThat(stable.get()).isZero();
        assertThat(report.failed()).isEqualTo(200);
        long canaryFailures = csv.toString()
                .lines()
                .skip(1)
                .map(l -> l.split(","))
                .filter(f -> f[1].equals("1"))
                .mapToLong(f -> Long.parseLong(f[4]))
                .sum();
        assertThat(canaryFailures).as("failures the timeline put on the canary").isEqualTo(200);
    }

    private LoadReport run(int port, double rate, Duration duration, int connections, int maxInFlight)
            throws InterruptedException {
        LoadPlan plan = new LoadPlan(
                new ArrivalSchedule(rate, duration),
                TrafficSplit.single(URI.create("http://127.0.0.1:" + port)),
                new AuthorizationRequests(7, "test", null),
                Duration.ofSeconds(5),
                connections,
                maxInFlight);
        return new OpenModelDriver(plan).run();
    }

    private interface Handler {
        void handle(io.vertx.core.http.HttpServerRequest request, long number);
    }

    private int serve(Handler handler, AtomicInteger received) throws IOException {
        AtomicLong counter = new AtomicLong();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onComplete(b -> {
                    received.incrementAndGet();
                    handler.handle(req, counter.getAndIncrement());
                }));
        return server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join()
                .actualPort();
    }
}
