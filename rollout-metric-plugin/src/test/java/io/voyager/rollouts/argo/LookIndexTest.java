package io.voyager.rollouts.argo;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judgeplugin.JudgeSettings;
import io.voyager.rollouts.judgeplugin.JudgeSettingsParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookIndexTest {
    private static final Instant T = Instant.parse("2024-05-06T07:01:00Z");

    private static Measurement done(AnalysisPhase phase, int minute) {
        Instant at = T.plusSeconds(60L * minute);
        return new Measurement(phase, "", at, at.plusSeconds(2), "", Map.of(), null);
    }

    private static AnalysisRunView run(List<Measurement> measurements, long count) {
        return new AnalysisRunView("run", "ns", Map.of(), Map.of("judge", measurements), null, Map.of("judge", count));
    }

    @Test
    void firstMeasurementIsLookOne() {
        assertThat(LookIndex.of(AnalysisRunView.ABSENT, "judge")).isEqualTo(1);
    }

    @Test
    void judgedMeasurementsCountButErrorsAndRunningOnesDoNot() {
        List<Measurement> history = List.of(
                done(AnalysisPhase.Successful, 0),
                done(AnalysisPhase.Error, 1),
                done(AnalysisPhase.Inconclusive, 2),
                new Measurement(AnalysisPhase.Running, "", T, null, "", Map.of(), null));

        assertThat(LookIndex.of(run(history, 0), "judge")).isEqualTo(3);
    }

    @Test
    void theControllersCountWinsOnceOldMeasurementsAreTrimmed() {
        assertThat(LookIndex.of(run(List.of(done(AnalysisPhase.Successful, 9)), 9), "judge"))
                .isEqualTo(10);
    }

    @Test
    void windowStartsAtTheRunsStartOrElseItsOldestKeptMeasurement() {
        Instant started = Instant.parse("2024-05-06T07:00:05Z");
        AnalysisRunView withStart = new AnalysisRunView("run", "ns", Map.of(), Map.of(), started, Map.of());

        assertThat(MetricProviderPlugin.analysisStart(withStart, "judge")).isEqualTo(started);
        assertThat(MetricProviderPlugin.analysisStart(
                        run(List.of(done(AnalysisPhase.Successful, 3), done(AnalysisPhase.Successful, 1)), 2), "judge"))
                .isEqualTo(T.plusSeconds(60));
        assertThat(MetricProviderPlugin.analysisStart(AnalysisRunView.ABSENT, "judge"))
                .isNull();
    }

    @Test
    void metricCountPlansTheLooksUnlessTheConfigDoes() {
        JudgeSettings settings = JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"http://p:9090\"},"
                        + "\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\"}")
                .settings();

        assertThat(MetricProviderPlugin.withPlannedLooksFromCount(
                                settings, metric(new IntOrString(IntOrString.INT, 8, "")))
                        .judge()
                        .plannedLooks())
                .isEqualTo(8);
        assertThat(MetricProviderPlugin.withPlannedLooksFromCount(
                                settings, metric(new IntOrString(IntOrString.STRING, 0, "6")))
                        .judge()
                        .plannedLooks())
                .isEqualTo(6);
        assertThat(MetricProviderPlugin.withPlannedLooksFromCount(
                                settings, metric(new IntOrString(IntOrString.STRING, 0, "{{args.n}}")))
                        .judge()
                        .plannedLooks())
                .isEqualTo(12);
        assertThat(MetricProviderPlugin.withPlannedLooksFromCount(
                                settings.withPlannedLooks(3), metric(new IntOrString(IntOrString.INT, 8, "")))
                        .judge()
                        .plannedLooks())
                .isEqualTo(3);
    }

    @Test
    void missingPluginConfigIsAnErrorMeasurement() {
        MetricProviderPlugin plugin =
                new MetricProviderPlugin(null, java.time.Clock.fixed(T, java.time.ZoneOffset.UTC));
        MetricView metric = new MetricView(
                "judge",
                "1m",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                "",
                Optional.empty());

        Measurement m = plugin.run(AnalysisRunView.ABSENT, metric);

        assertThat(m.phase()).isEqualTo(AnalysisPhase.Error);
        assertThat(m.message()).isEqualTo("invalid config: provider.plugin.voyager/canary-judge: missing");
        assertThat(m.finishedAt()).isEqualTo(T);
    }

    private static MetricView metric(IntOrString count) {
        return new MetricView(
                "judge",
                "1m",
                Optional.of(count),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                "",
                Optional.of("{}"));
    }
}
