package io.voyager.rollouts.argo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.testsupport.FakePrometheus;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricProviderPluginTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:10:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MetricView METRIC = new MetricView(
            "canary-judge",
            "1m",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "",
            "",
            Optional.of("{}"));
    private final MetricProviderPlugin plugin = new MetricProviderPlugin(PrometheusClient.newHttpClient(), CLOCK);

    @Test
    void runWithAConfigItCannotUseIsAFinishedErrorMeasurement() {
        Measurement m = plugin.run(AnalysisRunView.ABSENT, METRIC);

        assertThat(m.phase()).isEqualTo(AnalysisPhase.Error);
        assertThat(m.message()).startsWith("invalid config: prometheus.address: required");
        assertThat(m.startedAt()).isEqualTo(NOW);
        assertThat(m.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void terminateFinishesAnInProgressMeasurementAndKeepsItsState() {
        Measurement inProgress = new Measurement(
                AnalysisPhase.Running,
                "",
                Instant.parse("2024-05-06T07:08:09Z"),
                null,
                "",
                Map.of("window", "3"),
                Instant.parse("2024-05-06T07:09:09Z"));

        Measurement terminated = plugin.terminate(AnalysisRunView.ABSENT, METRIC, inProgress);

        assertThat(terminated.finishedAt()).isEqualTo(NOW);
        assertThat(terminated.startedAt()).isEqualTo(inProgress.startedAt());
        assertThat(terminated.metadata()).isEqualTo(inProgress.metadata());
    }

    @Test
    void aQueryThatNeverAnswersEndsTheRunInErrorAtTheDeadlineNamingItAndIsCancelled() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        try (FakePrometheus prometheus = FakePrometheus.start(exchange -> {
            String query = FakePrometheus.query(exchange);
            if (query.contains("_bucket") && query.contains("h=\"c\"")) {
                trickleUntilHungUp(exchange.getResponseBody(), exchange, hungUp);
                return;
            }
            FakePrometheus.send(
                    exchange,
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                            + "\"result\":[{\"metric\":{\"le\":\"+Inf\"},\"value\":[1,\"1000\"]}]}}");
        })) {
            // The query timeout is far longer than the deadline, so only the deadline can end this look.
            MetricView metric = new MetricView(
                    "canary-judge",
                    "30s",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    "",
                    Optional.of("{\"prometheus\":{\"address\":\"" + prometheus.address()
                            + "\",\"timeout\":\"60s\"},\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\","
                            + "\"window\":\"5m\",\"deadline\":\"3s\"}"));
            long start = System.nanoTime();

            Measurement m = new MetricProviderPlugin(PrometheusClient.newHttpClient(), Clock.systemUTC())
                    .run(AnalysisRunView.ABSENT, metric);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(m.phase()).as(m.message()).isEqualTo(AnalysisPhase.Error);
            assertThat(m.message())
                    .isEqualTo("data source failed: deadline 3s passed without an answer from " + prometheus.address()
                            + " to 1 of 6 queries: latency buckets (canary)");
            assertThat(m.finishedAt()).isNotNull();
            assertThat(took)
                    .as("a bound that cannot flake, far below the 60 s query timeout")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(queryThreads())
                    .as("query threads still alive after the Run returned")
                    .isEmpty();
            assertThat(hungUp.await(30, TimeUnit.SECONDS))
                    .as("the plugin hung up on the query it gave up on")
                    .isTrue();
        }
    }

    /** Sends headers, then a byte of white space now and then, until writing fails because the client hung up. */
    private static void trickleUntilHungUp(OutputStream body, HttpExchange exchange, CountDownLatch hungUp)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try {
            while (true) {
                body.write(' ');
                body.flush();
                Thread.sleep(50);
            }
        } catch (IOException clientHungUp) {
            hungUp.countDown();
        }
    }

    private static List<Thread> queryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("prometheus-query-"))
                .toList();
    }

    @Test
    void metadataNamesThePluginAndTheMetric() {
        assertThat(plugin.metadata(METRIC))
                .containsExactly(Map.entry("plugin", "voyager/canary-judge"), Map.entry("metric", "canary-judge"));
    }
}
