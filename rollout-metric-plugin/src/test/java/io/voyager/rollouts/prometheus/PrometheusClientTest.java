package io.voyager.rollouts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.testsupport.FakePrometheus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusClientTest {
    private static final Instant AT = Instant.parse("2024-05-06T07:10:00Z");
    private static final String QUERY =
            "sum(increase(voyager_authorizations_total{rollouts_pod_template_hash=\"7d9c8f\"}[300s]))";

    @TempDir
    Path dir;

    private static PrometheusClient client(FakePrometheus server) {
        return new PrometheusClient(
                PrometheusClient.newHttpClient(),
                new PrometheusSettings(server.address(), Duration.ofSeconds(2), Map.of(), null));
    }

    private static String vector(String value) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"le\":\"0.5\"},"
                + "\"value\":[1714979400,\"" + value + "\"]}]}}";
    }

    @Test
    void readsAVectorAndSendsTheQueryAtTheGivenTime() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(200, vector("12.5"))) {
            List<Sample> samples = client(server).query(QUERY, AT);

            assertThat(samples).containsExactly(new Sample(Map.of("le", "0.5"), 12.5));
            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/api/v1/query");
                assertThat(r.form()).containsEntry("query", QUERY).containsEntry("time", "1714979400.000");
            });
        }
    }

    @Test
    void nanAndInfinitiesAreValuesForTheCallerToJudge() throws Exception {
        for (Map.Entry<String, Double> c : Map.of(
                        "NaN", Double.NaN, "+Inf", Double.POSITIVE_INFINITY, "-Inf", Double.NEGATIVE_INFINITY)
                .entrySet()) {
            try (FakePrometheus server = FakePrometheus.answering(200, vector(c.getKey()))) {
                assertThat(client(server).query(QUERY, AT).get(0).value())
                        .as(c.getKey())
                        .isEqualTo(c.getValue());
            }
        }
    }

    @Test
    void emptyResultIsAnEmptyVector() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")) {
            assertThat(client(server).query(QUERY, AT)).isEmpty();
        }
    }

    @Test
    void warningsMeanThePartialAnswerIsNotUsed() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                200,
                vector("3")
                        .replace(
                                "{\"status\":\"success\",",
                                "{\"status\":\"success\",\"warnings\":[\"store 10.0.0.7:10901 unavailable, partial response\"],"))) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessage(
                            "Prometheus warned that the answer may be incomplete: store 10.0.0.7:10901 unavailable, partial response");
        }
    }

    @Test
    void bodyCutOffMidwayIsAnError() throws Exception {
        String whole = vector("3");
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            byte[] half = whole.substring(0, whole.length() / 2).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, whole.length());
            OutputStream out = exchange.getResponseBody();
            out.write(half);
            out.flush();
            exchange.getHttpContext().getServer().stop(0);
        })) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageStartingWith("cannot query " + server.address())
                    .hasMessageNotContaining("sent twice");
            assertThat(server.requests())
                    .as("an answer had begun: not sent again")
                    .hasSize(1);
        }
    }

    @Test
    void connectionClosedBeforeAnyAnswerIsSentOnceMore() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("drop the connection unanswered, as an idle keep-alive close does");
            }
            FakePrometheus.send(exchange, 200, vector("7"));
        })) {
            List<Sample> samples = client(server).query(QUERY, AT);

            assertThat(samples).singleElement().extracting(Sample::value).isEqualTo(7.0);
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests().get(1).form())
                    .isEqualTo(server.requests().get(0).form());
        }
    }

    @Test
    void connectionClosedUnansweredTwiceIsAnErrorThatSaysSo() throws Exception {
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            throw new IllegalStateException("drop every connection unanswered");
        })) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageStartingWith("cannot query " + server.address())
                    .hasMessageEndingWith("(sent twice: the first connection closed with no answer)");
            assertThat(server.requests()).as("once more, not forever").hasSize(2);
        }
    }

    @Test
    void serverErrorCarriesPrometheusOwnReason() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"TSDB not ready\"}")) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessage("HTTP 503, query failed, unavailable: TSDB not ready");
        }
    }

    @Test
    void plainTextServerErrorIsQuoted() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(500, "upstream connect error or disconnect/reset")) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessage(
                            "HTTP 500, response is not Prometheus JSON: 'upstream connect error or disconnect/reset'");
        }
    }

    @Test
    void badQueryIsAnErrorWithTheParserMessage() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected <by>\"}")) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .hasMessage("HTTP 400, query failed, bad_data: 1:5: parse error: unexpected <by>");
        }
    }

    @Test
    void garbageJsonIsAnError() throws Exception {
        try (FakePrometheus server =
                FakePrometheus.answering(200, "{\"status\":\"success\",\"data\":{\"resultType\":")) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageStartingWith("response is not Prometheus JSON: '{\"status\":\"success\"");
        }
        try (FakePrometheus server = FakePrometheus.answering(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                        + "\"result\":[{\"metric\":{},\"value\":[1,\"lots\"]}]}}")) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .hasMessage("malformed vector value: [1,\"lots\"]");
        }
    }

    @Test
    void slowServerTimesOutWithinTheConfiguredTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            release.await(30, TimeUnit.SECONDS);
            FakePrometheus.send(exchange, 200, vector("1"));
        })) {
            PrometheusClient client = new PrometheusClient(
                    PrometheusClient.newHttpClient(),
                    new PrometheusSettings(server.address(), Duration.ofMillis(300), Map.of(), null));

            assertThatThrownBy(() -> client.query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageStartingWith("no answer from " + server.address() + " within PT0.3S");
        } finally {
            release.countDown();
        }
    }

    @Test
    void bodyPastTheCapIsRefusedWithoutReadingItAll() throws Exception {
        long fiftyMegabytes = 50L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            exchange.sendResponseHeaders(200, fiftyMegabytes);
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < fiftyMegabytes) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } finally {
                serverDone.countDown();
            }
        })) {
            PrometheusClient client = new PrometheusClient(
                    PrometheusClient.newHttpClient(),
                    new PrometheusSettings(server.address(), Duration.ofSeconds(20), Map.of(), null));

            assertThatThrownBy(() -> client.query(QUERY, AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessageContaining(
                            "is too large: response body larger than " + PrometheusClient.MAX_BODY_BYTES + " bytes");
            assertThat(serverDone.await(20, TimeUnit.SECONDS))
                    .as("the server's write fails once the client hangs up")
                    .isTrue();
            // Socket buffers may hold a few MB past the cap; far from the 50 MB the server meant to send.
            assertThat(written.get()).isLessThan(fiftyMegabytes / 2);
        }
    }

    @Test
    void headersAndBearerTokenGoWithEveryQuery() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cr3t-token\n");
        try (FakePrometheus server = FakePrometheus.answering(200, vector("1"))) {
            PrometheusClient client = new PrometheusClient(
                    PrometheusClient.newHttpClient(),
                    new PrometheusSettings(
                            server.address(), Duration.ofSeconds(2), Map.of("X-Scope-OrgID", "payments"), token));

            client.query(QUERY, AT);

            assertThat(server.requests().get(0).headers())
                    .containsEntry("X-scope-orgid", List.of("payments"))
                    .containsEntry("Authorization", List.of("Bearer s3cr3t-token"));
        }
    }

    @Test
    void unreadableTokenFileIsAnErrorThatShowsNoSecret() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(200, vector("1"))) {
            PrometheusClient client = new PrometheusClient(
                    PrometheusClient.newHttpClient(),
                    new PrometheusSettings(server.address(), Duration.ofSeconds(2), Map.of(), dir.resolve("missing")));

            assertThatThrownBy(() -> client.query(QUERY, AT))
                    .hasMessage("cannot read the bearer token file " + dir.resolve("missing"));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void rangeQueryReadsAMatrixAtTheStep() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                        + "\"result\":[{\"metric\":{\"pod\":\"a\"},\"values\":[[1,\"0.25\"],[31,\"NaN\"],[61,\"0.5\"]]}]}}")) {
            List<Series> matrix =
                    client(server).queryRange("process_cpu_usage", AT.minusSeconds(60), AT, Duration.ofSeconds(30));

            assertThat(matrix).singleElement().satisfies(s -> {
                assertThat(s.labels()).containsEntry("pod", "a");
                assertThat(s.values()).hasSize(3);
                assertThat(s.values()[0]).isCloseTo(0.25, within(1e-12));
                assertThat(s.values()[1]).isNaN();
            });
            assertThat(server.requests().get(0).path()).isEqualTo("/api/v1/query_range");
            assertThat(server.requests().get(0).form())
                    .containsEntry("step", "30.000")
                    .containsEntry("start", "1714979340.000")
                    .containsEntry("end", "1714979400.000");
        }
    }

    @Test
    void matrixWhereAVectorWasExpectedIsAnError() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")) {
            assertThatThrownBy(() -> client(server).query(QUERY, AT))
                    .hasMessage("expected an instant vector, got resultType 'matrix'");
        }
    }
}
