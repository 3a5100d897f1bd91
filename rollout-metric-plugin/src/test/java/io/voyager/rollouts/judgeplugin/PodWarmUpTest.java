package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.testsupport.FakePrometheus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With {@code podWarmUp: 30s}, a look 5 minutes long at 07:10:00 compares latency only on what each pod served
 * after its first 30 s: a pod started an hour ago counts whole, one started at 07:08:50 (warm at 07:09:20)
 * counts over its last 40 s only, one started at 07:09:50 (warm at 07:10:20) not at all. Errors count whole.
 */
class PodWarmUpTest {
    private static final Instant AT = Instant.parse("2024-05-06T07:10:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());

    private Map<String, MetricData> look(String warmUp, Map<String, String> notes) throws Exception {
        try (FakePrometheus server = FakePrometheus.start(exchange -> {
            String q = FakePrometheus.query(exchange);
            queries.add(q);
            FakePrometheus.send(
                    exchange,
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + answer(q) + "}}");
        })) {
            JudgeSettings settings = JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\""
                            + server.address() + "\"},\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\","
                            + "\"podWarmUp\":\"" + warmUp + "\"}")
                    .settings();
            return CanaryLook.fetch(
                    new PrometheusClient(PrometheusClient.newHttpClient(), settings.prometheus()),
                    settings,
                    WINDOW,
                    AT,
                    notes);
        }
    }

    private static String answer(String q) {
        boolean canary = q.contains("h=\"c\"");
        if (q.contains("process_start_time_seconds")) {
            long at = AT.getEpochSecond();
            return canary
                    ? "[" + sample("pod", "canary-old", at - 3600) + "," + sample("pod", "canary-young", at - 70) + ","
                            + sample("pod", "canary-fresh", at - 10) + "]"
                    : "[" + sample("pod", "stable-a", at - 7200) + "," + sample("pod", "stable-b", at - 7000) + "]";
        }
        if (q.contains("_bucket")) {
            if (q.contains("pod=\"canary-young\"")) {
                // The young pod's last 40 s: 400 requests, 8 of them slow.
                return buckets("canary-young", 392, 400);
            }
            return canary
                    ? "["
                            + String.join(
                                    ",",
                                    bucketSamples("canary-old", 2970, 3000),
                                    bucketSamples("canary-young", 500, 600),
                                    bucketSamples("canary-fresh", 10, 100))
                            + "]"
                    : "["
                            + String.join(
                                    ",",
                                    bucketSamples("stable-a", 29700, 30000),
                                    bucketSamples("stable-b", 29690, 30000))
                            + "]";
        }
        boolean total = q.contains("timeout");
        return canary
                ? "[" + sample("pod", "canary-old", total ? 3000 : 2997) + ","
                        + sample("pod", "canary-young", total ? 600 : 590) + "]"
                : "[" + sample("pod", "stable-a", total ? 30000 : 29970) + "]";
    }

    private static String buckets(String pod, double fast, double all) {
        return "[" + bucketSamples(pod, fast, all) + "]";
    }

    private static String bucketSamples(String pod, double fast, double all) {
        return "{\"metric\":{\"pod\":\"" + pod + "\",\"le\":\"0.5\"},\"value\":[1,\"" + fast + "\"]},"
                + "{\"metric\":{\"pod\":\"" + pod + "\",\"le\":\"+Inf\"},\"value\":[1,\"" + all + "\"]}";
    }

    private static String sample(String label, String value, double v) {
        return "{\"metric\":{\"" + label + "\":\"" + value + "\"},\"value\":[1,\"" + v + "\"]}";
    }

    @Test
    void comparesLatencyOnlyOnWhatEachPodServedAfterItsWarmUp() throws Exception {
        Map<String, String> notes = new LinkedHashMap<>();
        HistogramData latency = (HistogramData) look("30s", notes).get("latency");

        assertThat(latency.upperBounds()).containsExactly(0.5, Double.POSITIVE_INFINITY);
        // canary-old whole (2,970 / 3,000) + canary-young's last 40 s (392 / 400); canary-fresh left out.
        assertThat(latency.canaryCumulative()).containsExactly(3362, 3400);
        assertThat(latency.canaryPods()).hasSize(2);
        assertThat(latency.baselineCumulative()).containsExactly(59390, 60000);
        assertThat(latency.canaryWarmingUp()).as("left out, for the judge").isEqualTo(300);
        assertThat(notes)
                .containsExactly(Map.entry(
                        "latency", "first 30s of each pod left out: canary 300 requests of 2 pods, stable none"));
    }

    @Test
    void asksForTheYoungPodOnlyOverTheRangeSinceItWasWarm() throws Exception {
        look("30s", new LinkedHashMap<>());

        List<String> young =
                queries.stream().filter(q -> q.contains("pod=\"canary-young\"")).toList();
        assertThat(young)
                .containsExactly("(sum by (le, pod) (increase(http_server_requests_seconds_bucket{"
                        + "uri=\"/v1/authorizations\",h=\"c\",pod=\"canary-young\"}[40s])))");
        assertThat(queries).noneMatch(q -> q.contains("pod=\"canary-fresh\"") || q.contains("pod=\"stable-"));
    }

    @Test
    void errorsCountEveryRequestOfEveryPod() throws Exception {
        RatioData errors = (RatioData) look("30s", new LinkedHashMap<>()).get("success-rate");

        assertThat(errors.canaryTotal()).isEqualTo(3600);
        assertThat(errors.canaryGood()).isEqualTo(3587);
    }

    @Test
    void withoutAWarmUpNothingIsLeftOutAndNoStartTimeIsAsked() throws Exception {
        Map<String, String> notes = new LinkedHashMap<>();
        HistogramData latency = (HistogramData) look("0s", notes).get("latency");

        assertThat(latency.canaryCumulative()).containsExactly(3480, 3700);
        assertThat(notes).isEmpty();
        assertThat(queries).noneMatch(q -> q.contains("process_start_time_seconds"));
    }

    @Test
    void plansByPodAgeAgainstTheWindow() {
        long at = AT.getEpochSecond();
        Map<String, Double> starts = Map.of(
                "before-window", (double) at - 400, // warm at -370 s, before the window's -300 s
                "inside", (double) at - 100, // warm at -70 s: its last 70 s
                "too-short", (double) at - 49, // warm for 19 s, under the 20 s increase() needs
                "just-enough", (double) at - 50); // warm for 20 s
        PodWarmUp.Plan plan = PodWarmUp.plan(
                Set.of("before-window", "inside", "too-short", "just-enough", "no-start-time"),
                starts,
                AT,
                WINDOW,
                Duration.ofSeconds(30));

        assertThat(plan.partial())
                .containsOnly(
                        Map.entry("inside", Duration.ofSeconds(70)), Map.entry("just-enough", Duration.ofSeconds(20)));
        assertThat(plan.warming()).containsExactly("too-short");
    }
}
