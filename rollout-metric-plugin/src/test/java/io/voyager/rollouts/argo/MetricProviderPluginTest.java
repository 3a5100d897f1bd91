package io.voyager.rollouts.argo;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.prometheus.PrometheusClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricProviderPluginTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:10:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MetricView METRIC = new MetricView("canary-judge", "1m", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), "", "", Optional.of("{}"));
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
        Measurement inProgress = new Measurement(AnalysisPhase.Running, "", Instant.parse("2024-05-06T07:08:09Z"), null,
                "", Map.of("window", "3"), Instant.parse("2024-05-06T07:09:09Z"));

        Measurement terminated = plugin.terminate(AnalysisRunView.ABSENT, METRIC, inProgress);

        assertThat(terminated.finishedAt()).isEqualTo(NOW);
        assertThat(terminated.startedAt()).isEqualTo(inProgress.startedAt());
        assertThat(terminated.metadata()).isEqualTo(inProgress.metadata());
    }

    @Test
    void metadataNamesThePluginAndTheMetric() {
        assertThat(plugin.metadata(METRIC)).containsExactly(
                Map.entry("plugin", "voyager/canary-judge"), Map.entry("metric", "canary-judge"));
    }
}
