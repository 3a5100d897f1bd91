package io.voyager.rollouts.argo;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric provider Argo calls through service {@code Plugin}: one method per RPC, in Java types.
 * The wire mapping lives in {@link PluginRpcService}.
 */
public final class MetricProviderPlugin {
    /** The name under {@code metricProviderPlugins} in argo-rollouts-config and under {@code provider.plugin}. */
    public static final String NAME = "voyager/canary-judge";
    /** What {@code Type} answers, like Argo's own plugin providers. */
    public static final String TYPE = "RPCPlugin";

    private final MetricJudge judge;
    private final Clock clock;

    public MetricProviderPlugin(MetricJudge judge, Clock clock) {
        this.judge = judge;
        this.clock = clock;
    }

    /** Nothing to prepare: the controller never retries a failed InitPlugin, so setup stays lazy. */
    public RpcError initPlugin() {
        return RpcError.NONE;
    }

    public Measurement run(AnalysisRunView run, MetricView metric) {
        return judged(judge.run(run, metric));
    }

    public Measurement resume(AnalysisRunView run, MetricView metric, Measurement inProgress) {
        return judged(judge.resume(run, metric, inProgress));
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

    private Measurement judged(Measurement measurement) {
        Measurement m = measurement.startedAt() == null
                ? new Measurement(measurement.phase(), measurement.message(), clock.instant(), measurement.finishedAt(),
                        measurement.value(), measurement.metadata(), measurement.resumeAt())
                : measurement;
        return m;
    }
}
