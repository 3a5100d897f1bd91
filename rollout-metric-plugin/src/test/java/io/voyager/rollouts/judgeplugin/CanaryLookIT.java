package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.argo.AnalysisPhase;
import io.voyager.rollouts.argo.AnalysisRunView;
import io.voyager.rollouts.argo.IntOrString;
import io.voyager.rollouts.argo.Measurement;
import io.voyager.rollouts.argo.MetricProviderPlugin;
import io.voyager.rollouts.argo.MetricView;
import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.Phase;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.testsupport.CanaryRecording;
import io.voyager.rollouts.testsupport.RealPrometheus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The judge against a real Prometheus serving a recorded stable and four recorded canaries. */
class CanaryLookIT {
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final HttpClient HTTP = PrometheusClient.newHttpClient();
    private static Instant end;
    private static RealPrometheus prometheus;

    @BeforeAll
    static void startPrometheus() throws Exception {
        end = CanaryRecording.end();
        prometheus = RealPrometheus.start(CanaryRecording.openMetrics(end));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static Verdict judge(URI address, String canary, String extra) {
        JudgeSettingsParser.Result parsed =
                JudgeSettingsParser.parseJson(CanaryRecording.config(address, canary, extra));
        assertThat(parsed.errors()).isEmpty();
        return CanaryLook.judge(HTTP, parsed.settings(), 1, WINDOW, end);
    }

    private static String describe(Verdict v) {
        return "seed " + CanaryRecording.SEED + ": " + v.phase() + " " + v.message() + " " + v.metadata();
    }

    @Test
    void canaryLikeTheStablePasses() {
        Verdict verdict = judge(prometheus.address(), CanaryRecording.GOOD, "");

        assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.SUCCESSFUL);
        assertThat(verdict.value()).isEqualTo("100.00");
        assertThat(verdict.metrics()).extracting(m -> m.label()).containsOnly(Label.PASS);
        // 10 minutes at 20 and 200 requests per second, give or take the recording's Poisson noise (5%).
        assertThat(verdict.metrics().get(0).canaryN()).isBetween(11_400.0, 12_600.0);
        assertThat(verdict.metrics().get(0).baselineN()).isBetween(114_000.0, 126_000.0);
    }

    @Test
    void canaryWithFivePercentErrorsFailsOnTheSuccessGuardrail() {
        Verdict verdict = judge(prometheus.address(), CanaryRecording.ERRORING, "");

        assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.FAILED);
        assertThat(verdict.metrics().get(0).guardrailBreached())
                .as(describe(verdict))
                .isTrue();
        assertThat(verdict.message()).startsWith("success-rate: canary 9").contains("FAILED");
    }

    @Test
    void slowCanaryWithAScoreBetweenMarginalAndPassIsInconclusive() {
        Verdict verdict =
                judge(prometheus.address(), CanaryRecording.SLOW, "\"thresholds\":{\"pass\":95,\"marginal\":50}");

        assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(verdict.metrics()).extracting(m -> m.label()).containsExactly(Label.PASS, Label.HIGH);
        assertThat(verdict.value()).isEqualTo("50.00");
    }

    @Test
    void slowCanaryFailsWithTheDefaultThresholds() {
        Verdict verdict = judge(prometheus.address(), CanaryRecording.SLOW, "");

        assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.FAILED);
    }

    @Test
    void canaryWithTooLittleTrafficIsInconclusiveWithTheCounts() {
        Verdict verdict = judge(prometheus.address(), CanaryRecording.THIN, "");

        assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(verdict.metrics()).extracting(m -> m.label()).containsOnly(Label.NO_DATA);
        assertThat(verdict.message())
                .contains("2 of 2 metrics without enough data")
                .contains("canary n=");
    }

    @Test
    void nobodyListeningIsAnErrorNeverAFailure() throws Exception {
        Verdict verdict =
                judge(URI.create("http://127.0.0.1:" + RealPrometheus.freePort()), CanaryRecording.ERRORING, "");

        assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.ERROR);
        assertThat(verdict.message()).contains("data source failed").contains("cannot query http://127.0.0.1:");
    }

    @Test
    void prometheusThatStopsTurnsTheSameLookIntoAnError() throws Exception {
        try (RealPrometheus doomed = RealPrometheus.start(CanaryRecording.openMetrics(end))) {
            assertThat(judge(doomed.address(), CanaryRecording.GOOD, "").phase())
                    .isEqualTo(Phase.SUCCESSFUL);

            doomed.stop();
            Verdict verdict = judge(doomed.address(), CanaryRecording.GOOD, "");

            assertThat(verdict.phase()).as(describe(verdict)).isEqualTo(Phase.ERROR);
        }
    }

    @Test
    void plainSeriesSelectorsAndASeriesMetricJudgeTheRecordingToo() {
        String metrics = "\"metrics\":["
                + "{\"name\":\"answered\",\"kind\":\"ratio\",\"direction\":\"decrease-is-bad\",\"critical\":true,"
                + "\"allowedEffect\":{\"absolute\":0.001},\"query\":{"
                + "\"good\":\"voyager_authorizations_total{outcome=~\\\"approved|declined\\\"}\","
                + "\"total\":\"voyager_authorizations_total\"}},"
                + "{\"name\":\"latency\",\"query\":{\"buckets\":\"http_server_requests_seconds_bucket{uri=\\\"/v1/authorizations\\\"}\"}},"
                + "{\"name\":\"cpu\",\"kind\":\"series\",\"direction\":\"increase-is-bad\","
                + "\"allowedEffect\":{\"relative\":0.2},\"query\":{\"samples\":\"process_cpu_usage\"}}]";

        Verdict good = judge(prometheus.address(), CanaryRecording.GOOD, metrics);
        Verdict erroring = judge(prometheus.address(), CanaryRecording.ERRORING, metrics);

        assertThat(good.phase()).as(describe(good)).isEqualTo(Phase.SUCCESSFUL);
        // 10 minutes at a 30 s step, both ends included: 21 CPU points per side.
        assertThat(good.metrics().get(2).canaryN()).isEqualTo(21.0);
        assertThat(erroring.phase()).as(describe(erroring)).isEqualTo(Phase.FAILED);
        assertThat(erroring.metrics().get(0).label()).as(describe(erroring)).isEqualTo(Label.LOW);
    }

    @Test
    void pluginMeasurementCarriesScoreEvidenceAndTheLook() {
        MetricProviderPlugin plugin = new MetricProviderPlugin(HTTP, Clock.fixed(end, ZoneOffset.UTC));
        MetricView metric = new MetricView(
                "canary-judge",
                "1m",
                Optional.of(new IntOrString(IntOrString.INT, 5, "")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                "",
                Optional.of(CanaryRecording.config(prometheus.address(), CanaryRecording.GOOD, "")));
        AnalysisRunView run = new AnalysisRunView(
                "run", "payments", Map.of(), Map.of(), end.minus(WINDOW), Map.of("canary-judge", 2L));

        Measurement m = plugin.run(run, metric);

        assertThat(m.phase()).as(m.message()).isEqualTo(AnalysisPhase.Successful);
        assertThat(m.value()).isEqualTo("100.00");
        assertThat(m.message())
                .startsWith("success-rate: canary 99.")
                .contains("latency: canary p99")
                .containsPattern("PASSED \\(score 100; look \\d+ of \\d+ planned: alpha .+ over 2 metrics\\)$");
        assertThat(m.metadata())
                .containsEntry("look", "3/5")
                .containsEntry("window", "10m")
                .containsEntry("success-rate.label", "Pass")
                .containsEntry("latency.label", "Pass")
                .containsKeys(
                        "success-rate.effect",
                        "success-rate.ci",
                        "success-rate.pValue",
                        "success-rate.boundary",
                        "success-rate.nCanary",
                        "success-rate.nBaseline",
                        "latency.ci");
        assertThat(m.startedAt()).isEqualTo(end);
        assertThat(m.finishedAt()).isNotNull();
    }
}
