package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.argo.AnalysisPhase;
import io.voyager.rollouts.argo.AnalysisRunView;
import io.voyager.rollouts.argo.IntOrString;
import io.voyager.rollouts.argo.Measurement;
import io.voyager.rollouts.argo.MetricJudge;
import io.voyager.rollouts.argo.MetricProviderPlugin;
import io.voyager.rollouts.argo.MetricView;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.config.JudgeConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's judge: reads the metric's plugin config, works out the look and the window from the
 * AnalysisRun, queries Prometheus at this instant and turns the verdict into the measurement. Every
 * failure, including a bug, becomes an Error measurement; nothing here can fail or pass a rollout by
 * crashing.
 */
public final class PrometheusJudge implements MetricJudge {
    static final String CONFIG_FIELD = "provider.plugin." + MetricProviderPlugin.NAME;
    private static final Logger LOG = Logger.getLogger(PrometheusJudge.class.getName());

    private final HttpClient http;
    private final Clock clock;

    public PrometheusJudge(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Measurement run(AnalysisRunView run, MetricView metric) {
        Instant started = clock.instant();
        try {
            return judge(run, metric, started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "judging metric " + metric.name() + " failed", e);
            return Measurement.error("internal error while judging: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), clock.instant());
        }
    }

    private Measurement judge(AnalysisRunView run, MetricView metric, Instant started) {
        if (metric.pluginConfig().isEmpty()) {
            return Measurement.error("invalid config: " + CONFIG_FIELD + ": missing", started);
        }
        JudgeSettingsParser.Result parsed = JudgeSettingsParser.parseJson(metric.pluginConfig().get());
        if (!parsed.ok()) {
            return Measurement.error(parsed.errorMessage(), started);
        }
        JudgeSettings settings = withPlannedLooksFromCount(parsed.settings(), metric);
        int look = LookIndex.of(run, metric.name());
        Duration window = settings.window().resolve(started, analysisStart(run, metric.name()));
        Verdict verdict = CanaryLook.judge(http, settings, look, window, started);
        return measurement(verdict, look, window, settings, started, clock.instant());
    }

    static Measurement measurement(Verdict verdict, int look, Duration window, JudgeSettings settings, Instant started,
            Instant finished) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("look", look + "/" + settings.judge().plannedLooks());
        metadata.put("window", Durations.format(window));
        metadata.putAll(verdict.metadata());
        return new Measurement(AnalysisPhase.of(verdict.phase()), verdict.message(), started, finished,
                verdict.value(), metadata, null);
    }

    /** Without plannedLooks in the config, the metric's own count is the number of looks planned. */
    static JudgeSettings withPlannedLooksFromCount(JudgeSettings settings, MetricView metric) {
        if (settings.plannedLooksSet() || metric.count().isEmpty()) {
            return settings;
        }
        IntOrString count = metric.count().get();
        long looks;
        try {
            looks = count.type() == IntOrString.STRING ? Long.parseLong(count.strVal().strip()) : count.intVal();
        } catch (NumberFormatException e) {
            return settings;
        }
        return looks >= 1 && looks <= JudgeConfig.MAX_PLANNED_LOOKS ? settings.withPlannedLooks((int) looks) : settings;
    }

    /** status.startedAt, else the first measurement the controller still keeps. */
    static Instant analysisStart(AnalysisRunView run, String metricName) {
        if (run.startedAt() != null) {
            return run.startedAt();
        }
        return run.measurements().getOrDefault(metricName, List.of()).stream()
                .map(Measurement::startedAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}
