package io.voyager.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void configErrorMustAbortAtFivePercentOnAFailedMeasurement() throws Exception {
        JsonNode abortedAt5 = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":5,"decisionSeconds":12.5,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed"},"metrics":{}}""");
        JsonNode abortedAt10 = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":10,"decisionSeconds":40,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed"},"metrics":{}}""");

        assertThat(allMet(ScenarioCheck.check("config-error", abortedAt5))).isTrue();
        assertThat(allMet(ScenarioCheck.check("config-error", abortedAt10))).isFalse();
    }

    @Test
    void goodMustBePromotedWithoutFailedOrErrorMeasurements() throws Exception {
        JsonNode promoted = JSON.readTree("""
                {"outcome":"Healthy","maxWeight":100,"metrics":{"background/canary-vs-stable":
                 {"successful":20,"failed":0,"inconclusive":1,"error":0}}}""");
        JsonNode promotedWithAnError = JSON.readTree("""
                {"outcome":"Healthy","maxWeight":100,"metrics":{"background/canary-vs-stable":
                 {"successful":20,"failed":0,"inconclusive":0,"error":1}}}""");

        assertThat(allMet(ScenarioCheck.check("good", promoted))).isTrue();
        assertThat(allMet(ScenarioCheck.check("good", promotedWithAnError))).isFalse();
    }

    @Test
    void subtleErrorsMustBeCaughtByTheJudgeWhileTheGuardrailPasses() throws Exception {
        JsonNode judgeCaughtIt = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":10,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed","metadata":{"success-rate.label":"Low"}},
                 "metrics":{"background/success-rate":{"successful":6,"failed":0}}}""");
        JsonNode guardrailCaughtIt = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":10,"decisiveMetric":"success-rate",
                 "decisiveMeasurement":{"phase":"Failed"},
                 "metrics":{"background/success-rate":{"successful":5,"failed":1}}}""");

        assertThat(allMet(ScenarioCheck.check("subtle-errors", judgeCaughtIt))).isTrue();
        assertThat(allMet(ScenarioCheck.check("subtle-errors", guardrailCaughtIt)))
                .isFalse();
    }

    @Test
    void slowMustFailOnLatency() throws Exception {
        JsonNode latencyHigh = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":5,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed","metadata":{"latency.label":"High","success-rate.label":"Pass"}}}""");
        JsonNode successLow = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":5,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed","metadata":{"latency.label":"Pass","success-rate.label":"Low"}}}""");

        assertThat(allMet(ScenarioCheck.check("slow", latencyHigh))).isTrue();
        assertThat(allMet(ScenarioCheck.check("slow", successLow))).isFalse();
    }

    @Test
    void prometheusDownMustStopOnErrorsWithoutAFalseFailure() throws Exception {
        JsonNode stoppedOnErrors = JSON.readTree("""
                {"outcome":"Aborted","maxWeight":10,"decisiveMeasurement":{"phase":"Error"},
                 "metrics":{"background/canary-vs-stable":{"successful":3,"error":5}}}""");
        JsonNode falseFailure = JSON.readTree("""
                {"outcome":"Aborted","maxWeight":10,"decisiveMeasurement":{"phase":"Error"},
                 "metrics":{"background/success-rate":{"failed":1,"error":5}}}""");

        assertThat(allMet(ScenarioCheck.check("prometheus-down", stoppedOnErrors)))
                .isTrue();
        assertThat(allMet(ScenarioCheck.check("prometheus-down", falseFailure))).isFalse();
    }

    @Test
    void aVerdictWhileStableItselfFailsProvesNothing() throws Exception {
        JsonNode stableCollapsed = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":5,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed","metadata":{"success-rate.label":"Low",
                 "success-rate.summary":"canary 85.01% vs stable 25.89% (+59.12 pp, 99.94% CI +54.43..+62.91)"}}}""");
        JsonNode stableHealthy = JSON.readTree("""
                {"outcome":"Aborted","weightAtDecision":5,"decisiveMetric":"canary-vs-stable",
                 "decisiveMeasurement":{"phase":"Failed","metadata":{"success-rate.label":"Low",
                 "success-rate.summary":"canary 76.31% vs stable 99.75% (−23.44 pp, 99.95% CI −29.86..−18.01)"}}}""");

        assertThat(allMet(ScenarioCheck.check("config-error", stableCollapsed))).isFalse();
        assertThat(allMet(ScenarioCheck.check("config-error", stableHealthy))).isTrue();
    }

    private static boolean allMet(List<ScenarioCheck.Expectation> expectations) {
        return expectations.stream().allMatch(ScenarioCheck.Expectation::met);
    }
}
