package io.voyager.rollouts.argo;

import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judgeplugin.CanaryLook;
import io.voyager.rollouts.judgeplugin.Durations;
import io.voyager.rollouts.judgeplugin.JudgeSettings;
import io.voyager.rollouts.judgeplugin.JudgeSettingsParser;
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
 * The metric provider Argo calls through service {@code Plugin}: one method per RPC, in Java types (the wire
 * mapping lives in {@link PluginRpcService}). A Run reads the metric's plugin config, works out the look and
 * the window from the AnalysisRun, takes the look ({@link CanaryLook}) and reports the verdict as the
 * Measurement. Every failure, including a bug, becomes an Error measurement; nothing here can fail or pass a
 * rollout by crashing.
 */
public final class MetricProviderPlugin {
    /** The name under {@code metricProviderPlugins} in argo-rollouts-config and under {@code provider.plugin}. */
    public static final String NAME = "voyager/canary-judge";
    /** What {@code Type} answers, like Argo's own plugin providers. */
    public static final String TYPE = "RPCPlugin";

    static final String CONFIG_FIELD = "provider.plugin." + NAME;
    private static final Logger LOG = Logger.getLogger(MetricProviderPlugin.class.getName());

    private final HttpClient http;
    private final Clock clock;

    public MetricProviderPlugin(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Nothing to prepare: the controller never retries a failed InitPlugin, so setup stays lazy. */
    public RpcError initPlugin() {
        return RpcError.NONE;
    }

    public Measurement run(AnalysisRunView run, MetricView metric) {
        Instant started = clock.instant();
        try {
            return judge(run, metric, started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "judging metric " + metric.name() + " failed", e);
            return Measurement.error(
                    "internal error while judging: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    clock.instant());
        }
    }

    /** A Run never ends in phase Running, so there is nothing to continue: the measurement is judged afresh. */
    public Measurement resume(AnalysisRunView run, MetricView metric, Measurement inProgress) {
        return run(run, metric);
    }

    /** Ends an in-progress measurement where it stands; nothing runs in the background to stop. */
    public Measurement terminate(AnalysisRunView run, MetricView metric, Measurement inProgress) {
        return inProgress.finishedAt() != null ? inProgress : inProgress.finishedAt(clock.instant());
    }

    /** The controller trims old measurements itself; the plugin keeps no per-measurement state. */
    public RpcError garbageCollect(AnalysisRunView run, MetricView metric, long limit) {
        return RpcError.NONE;
    }

    public String type() {
        return TYPE;
    }

    /** Stored by the controller in the metric result; names what judged it. */
    public Map<String, String> metadata(MetricView metric) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("plugin", NAME);
        metadata.put("metric", metric.name());
        return metadata;
    }

    private Measurement judge(AnalysisRunView run, MetricView metric, Instant started) {
        if (metric.pluginConfig().isEmpty()) {
            return Measurement.error("invalid config: " + CONFIG_FIELD + ": missing", started);
        }
        JudgeSettingsParser.Result parsed =
                JudgeSettingsParser.parseJson(metric.pluginConfig().get());
        if (!parsed.ok()) {
            return Measurement.error(parsed.errorMessage(), started);
        }
        JudgeSettings settings = withPlannedLooksFromCount(parsed.settings(), metric);
        int look = LookIndex.of(run, metric.name());
        Duration window = settings.window().resolve(started, analysisStart(run, metric.name()));
        Verdict verdict = CanaryLook.judge(http, settings, look, window, started);
        return measurement(verdict, look, window, settings, started, clock.instant());
    }

    static Measurement measurement(
            Verdict verdict, int look, Duration window, JudgeSettings settings, Instant started, Instant finished) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("look", look + "/" + settings.judge().plannedLooks());
        metadata.put("window", Durations.format(window));
        metadata.putAll(verdict.metadata());
        return new Measurement(
                AnalysisPhase.of(verdict.phase()),
                verdict.message(),
                started,
                finished,
                verdict.value(),
                metadata,
                null);
    }

    /** Without plannedLooks in the config, the metric's own count is the number of looks planned. */
    static JudgeSettings withPlannedLooksFromCount(JudgeSettings settings, MetricView metric) {
        if (settings.plannedLooksSet() || metric.count().isEmpty()) {
            return settings;
        }
        IntOrString count = metric.count().get();
        long looks;
        try {
            looks = count.type() == IntOrString.STRING
                    ? Long.parseLong(count.strVal().strip())
                    : count.intVal();
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
                .map(Measurement::startedAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }
}
