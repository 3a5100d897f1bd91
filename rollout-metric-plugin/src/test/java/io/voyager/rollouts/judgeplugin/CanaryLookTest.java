package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.data.Unavailable;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.prometheus.PrometheusException;
import io.voyager.rollouts.testsupport.FakePrometheus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What Prometheus' answers mean to the judge: each odd value is mapped on purpose. */
class CanaryLookTest {
    private static final Instant AT = Instant.parse("2024-05-06T07:10:00Z");

    private static JudgeSettings settings(URI address) {
        return JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"" + address + "\"},"
                        + "\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\"}")
                .settings();
    }

    private static String one(String value) {
        return "[{\"metric\":{},\"value\":[1,\"" + value + "\"]}]";
    }

    private static String buckets(String... leAndValue) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < leAndValue.length; i += 2) {
            s.append(i > 0 ? "," : "")
                    .append("{\"metric\":{\"le\":\"")
                    .append(leAndValue[i])
                    .append("\"},\"value\":[1,\"")
                    .append(leAndValue[i + 1])
                    .append("\"]}");
        }
        return s.append("]").toString();
    }

    /** Routes by side and by role (good has outcome=~"approved|declined", total has error|timeout too). */
    private static String route(
            String query,
            String canaryGood,
            String canaryTotal,
            String baselineGood,
            String baselineTotal,
            String canaryBuckets,
            String baselineBuckets) {
        boolean canary = query.contains("h=\"c\"");
        if (query.contains("_bucket")) {
            return canary ? canaryBuckets : baselineBuckets;
        }
        boolean total = query.contains("timeout");
        return canary ? (total ? canaryTotal : canaryGood) : (total ? baselineTotal : baselineGood);
    }

    private static Map<String, MetricData> scenario(String cg, String ct, String bg, String bt, String cb, String bb)
            throws Exception {
        return fetchRouted(q -> route(q, cg, ct, bg, bt, cb, bb));
    }

    private static Map<String, MetricData> fetchRouted(Function<String, String> answer) throws Exception {
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            FakePrometheus.send(
                    exchange,
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                            + answer.apply(FakePrometheus.query(exchange)) + "}}");
        })) {
            JudgeSettings settings = settings(server.address());
            return CanaryLook.fetch(
                    new PrometheusClient(PrometheusClient.newHttpClient(), settings.prometheus()),
                    settings,
                    Duration.ofMinutes(5),
                    AT);
        }
    }

    private static final String GOOD_BUCKETS = buckets("0.1", "90", "0.5", "99", "+Inf", "100");

    @Test
    void countsAndBucketsPerSide() throws Exception {
        Map<String, MetricData> data = scenario(
                one("995"),
                one("1000"),
                one("9960"),
                one("10000"),
                GOOD_BUCKETS,
                buckets("0.1", "900", "0.5", "990", "+Inf", "1000"));

        assertThat(data.get("success-rate")).isEqualTo(new RatioData(995, 1000, 9960, 10000));
        HistogramData histogram = (HistogramData) data.get("latency");
        assertThat(histogram.upperBounds()).containsExactly(0.1, 0.5, Double.POSITIVE_INFINITY);
        assertThat(histogram.canaryCumulative()).containsExactly(90, 99, 100);
        assertThat(histogram.baselineCumulative()).containsExactly(900, 990, 1000);
    }

    @Test
    void keepsEachPodsCountsWhenTheAnswerIsSplitByPod() throws Exception {
        String stableGood = "[" + pod("stable-a", "4980") + "," + pod("stable-b", "4950") + "]";
        String stableTotal = "[" + pod("stable-a", "5000") + "," + pod("stable-b", "5000") + "]";
        Map<String, MetricData> data = scenario(
                "[" + pod("canary-a", "995") + "]",
                "[" + pod("canary-a", "1000") + "]",
                stableGood,
                stableTotal,
                GOOD_BUCKETS,
                GOOD_BUCKETS);

        RatioData ratio = (RatioData) data.get("success-rate");
        assertThat(ratio.baselineGood()).isEqualTo(9930);
        assertThat(ratio.baselineTotal()).isEqualTo(10000);
        assertThat(ratio.baselinePods())
                .containsExactly(new RatioData.Cluster(4980, 5000), new RatioData.Cluster(4950, 5000));
        assertThat(ratio.canaryPods()).as("one pod is only its sum").isEmpty();
        assertThat(ratio.canaryTotal()).isEqualTo(1000);
    }

    @Test
    void aPodWithoutGoodRequestsCountsZeroGood() throws Exception {
        Map<String, MetricData> data = scenario(
                one("995"),
                one("1000"),
                "[" + pod("stable-a", "5000") + "]",
                "[" + pod("stable-a", "5000") + "," + pod("stable-b", "40") + "]",
                GOOD_BUCKETS,
                GOOD_BUCKETS);

        assertThat(((RatioData) data.get("success-rate")).baselinePods())
                .containsExactly(new RatioData.Cluster(5000, 5000), new RatioData.Cluster(0, 40));
    }

    @Test
    void keepsEachPodsBucketsWhenTheAnswerIsSplitByPod() throws Exception {
        String stable = "[" + podBucket("stable-a", "0.1", "900") + "," + podBucket("stable-a", "+Inf", "1000") + ","
                + podBucket("stable-b", "0.1", "850") + "," + podBucket("stable-b", "0.5", "990") + ","
                + podBucket("stable-b", "+Inf", "1000") + "]";
        Map<String, MetricData> data =
                scenario(one("995"), one("1000"), one("9960"), one("10000"), GOOD_BUCKETS, stable);

        HistogramData histogram = (HistogramData) data.get("latency");
        assertThat(histogram.upperBounds()).containsExactly(0.1, 0.5, Double.POSITIVE_INFINITY);
        assertThat(histogram.baselinePods())
                .as("stable-a lacks le=0.5: it carries its count below")
                .containsExactly(new double[] {900, 900, 1000}, new double[] {850, 990, 1000});
        assertThat(histogram.baselineCumulative()).containsExactly(1750, 1890, 2000);
        assertThat(histogram.canaryPods()).as("one pod is only its sum").isEmpty();
        assertThat(histogram.canaryCumulative()).containsExactly(90, 99, 100);
    }

    private static String podBucket(String pod, String le, String value) {
        return "{\"metric\":{\"pod\":\"" + pod + "\",\"le\":\"" + le + "\"},\"value\":[1,\"" + value + "\"]}";
    }

    private static String pod(String name, String value) {
        return "{\"metric\":{\"pod\":\"" + name + "\"},\"value\":[1,\"" + value + "\"]}";
    }

    @Test
    void emptyResultIsASideWithoutTraffic() throws Exception {
        Map<String, MetricData> data = scenario("[]", "[]", one("9960"), one("10000"), "[]", GOOD_BUCKETS);

        assertThat(data.get("success-rate")).isEqualTo(new RatioData(0, 0, 9960, 10000));
        assertThat(((HistogramData) data.get("latency")).canaryCumulative()).containsOnly(0.0);
    }

    @Test
    void nanCountMakesTheWholeSideEmptyRatherThanARateOfZero() throws Exception {
        Map<String, MetricData> data = scenario(
                one("NaN"), one("1000"), one("9960"), one("10000"), buckets("0.1", "NaN", "+Inf", "100"), GOOD_BUCKETS);

        assertThat(data.get("success-rate")).isEqualTo(new RatioData(0, 0, 9960, 10000));
        assertThat(((HistogramData) data.get("latency")).canaryCumulative()).containsOnly(0.0);
    }

    @Test
    void infiniteCountMakesTheMetricUnavailable() throws Exception {
        Map<String, MetricData> data = scenario(
                one("995"), one("+Inf"), one("9960"), one("10000"), buckets("0.1", "90", "+Inf", "+Inf"), GOOD_BUCKETS);

        assertThat(data.get("success-rate")).isEqualTo(new Unavailable("Prometheus returned an infinite count"));
        assertThat(data.get("latency")).isEqualTo(new Unavailable("Prometheus returned an infinite bucket count"));
    }

    @Test
    void bucketsWithoutInfOrLeAreUnavailable() throws Exception {
        Map<String, MetricData> noInf = scenario(
                one("1"),
                one("1"),
                one("1"),
                one("1"),
                buckets("0.1", "90", "0.5", "99"),
                GOOD_BUCKETS.replace(",{\"metric\":{\"le\":\"+Inf\"},\"value\":[1,\"100\"]}", ""));
        Map<String, MetricData> noLe = scenario(one("1"), one("1"), one("1"), one("1"), one("5"), GOOD_BUCKETS);

        assertThat(noInf.get("latency")).isEqualTo(new Unavailable("the bucket query returned no le=\"+Inf\" bucket"));
        assertThat(noLe.get("latency"))
                .isEqualTo(new Unavailable("the bucket query returned a series without an le label: {}"));
    }

    @Test
    void boundsOneSideLacksCarryTheCountBelowThem() throws Exception {
        Map<String, MetricData> data = scenario(
                one("1"),
                one("1"),
                one("1"),
                one("1"),
                buckets("0.1", "90", "+Inf", "100"),
                buckets("0.1", "900", "0.5", "990", "+Inf", "1000"));

        assertThat(((HistogramData) data.get("latency")).canaryCumulative()).containsExactly(90, 90, 100);
    }

    @Test
    void anyFailedQueryAbortsTheLook() throws Exception {
        try (FakePrometheus server = FakePrometheus.answering(
                503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"down\"}")) {
            JudgeSettings settings = settings(server.address());
            PrometheusClient client = new PrometheusClient(PrometheusClient.newHttpClient(), settings.prometheus());

            assertThatThrownBy(() -> CanaryLook.fetch(client, settings, Duration.ofMinutes(5), AT))
                    .isInstanceOf(PrometheusException.class)
                    .hasMessage("HTTP 503, query failed, unavailable: down");
        }
    }

    @Test
    void sliceCountsComeFromOneRangeQueryPerSideAndRoleSummedOverPods() throws Exception {
        long t = AT.getEpochSecond();
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            String query = FakePrometheus.query(exchange);
            if (!exchange.getRequestURI().getPath().endsWith("query_range")) {
                boolean canary = query.contains("h=\"c\"");
                boolean total = query.contains("timeout");
                FakePrometheus.send(
                        exchange, 200, vectorOf(one(canary ? (total ? "300" : "297") : (total ? "3000" : "2990"))));
                return;
            }
            boolean canary = query.contains("h=\"c\"");
            boolean total = query.contains("timeout");
            String series;
            if (canary) {
                // one canary pod, serving from the third slice; good over-extrapolated past total in the last
                series = total ? points("c-1", t - 60, "100", t, "200") : points("c-1", t - 60, "99", t, "201");
            } else {
                series = total
                        ? points("b-1", t - 240, "500", t - 180, "500", t - 120, "500", t - 60, "250", t, "250") + ","
                                + points("b-2", t - 60, "250", t, "250")
                        : points("b-1", t - 240, "499", t - 180, "498", t - 120, "497", t - 60, "248", t, "NaN") + ","
                                + points("b-2", t - 60, "249", t, "250");
            }
            FakePrometheus.send(
                    exchange,
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + series + "]}}");
        })) {
            JudgeSettings settings = JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"" + server.address()
                            + "\"},\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\",\"slice\":\"60s\"}")
                    .settings();

            RatioData ratio = (RatioData) CanaryLook.fetch(
                            new PrometheusClient(PrometheusClient.newHttpClient(), settings.prometheus()),
                            settings,
                            Duration.ofMinutes(5),
                            AT)
                    .get("success-rate");

            assertThat(ratio.slices())
                    .containsExactly(
                            new RatioData.Slice(0, 0, 499, 500),
                            new RatioData.Slice(0, 0, 498, 500),
                            new RatioData.Slice(0, 0, 497, 500),
                            new RatioData.Slice(99, 100, 497, 500),
                            new RatioData.Slice(200, 200, 250, 500));
            FakePrometheus.Request sliced = server.requests().stream()
                    .filter(r -> r.path().endsWith("query_range"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sliced.form().get("query")).contains("[60s]").doesNotContain("[300s]");
            assertThat(sliced.form())
                    .containsEntry("start", (t - 240) + ".000")
                    .containsEntry("end", t + ".000")
                    .containsEntry("step", "60.000");
        }
    }

    private static String vectorOf(String result) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}";
    }

    private static String points(String pod, Object... timeAndValue) {
        StringBuilder s = new StringBuilder("{\"metric\":{\"pod\":\"" + pod + "\"},\"values\":[");
        for (int i = 0; i < timeAndValue.length; i += 2) {
            s.append(i > 0 ? "," : "")
                    .append("[")
                    .append(timeAndValue[i])
                    .append(",\"")
                    .append(timeAndValue[i + 1])
                    .append("\"]");
        }
        return s.append("]}").toString();
    }
}
