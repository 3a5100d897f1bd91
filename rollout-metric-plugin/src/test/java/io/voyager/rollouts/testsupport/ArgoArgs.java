package io.voyager.rollouts.testsupport;

import static io.voyager.rollouts.goplugin.gob.GobType.field;

import io.voyager.rollouts.argo.ArgoWireTypes;
import io.voyager.rollouts.goplugin.gob.GoTime;
import io.voyager.rollouts.goplugin.gob.GobInterface;
import io.voyager.rollouts.goplugin.gob.GobType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The argument envelopes Argo's controller sends, built in Java with a subset of the fields: a Go
 * receiver matches fields by name and leaves the rest zero.
 */
public final class ArgoArgs {
    public static final String PLUGIN_CONFIG = "{\"service\":\"voyager-gateway\",\"canaryHash\":\"7d9c8f\"}";

    static final GobType.Struct OBJECT_META = GobType.struct(
            "v1.ObjectMeta",
            field("Name", GobType.STRING),
            field("Namespace", GobType.STRING),
            field("CreationTimestamp", GobType.METAV1_TIME),
            field("Labels", GobType.map(GobType.STRING, GobType.STRING)));
    static final GobType.Struct ANALYSIS_RUN = GobType.struct("v1alpha1.AnalysisRun", field("ObjectMeta", OBJECT_META));
    static final GobType.Struct INT_OR_STRING = GobType.struct(
            "intstr.IntOrString",
            field("Type", GobType.INT64),
            field("IntVal", GobType.INT32),
            field("StrVal", GobType.STRING));
    static final GobType.Struct METRIC_PROVIDER =
            GobType.struct("v1alpha1.MetricProvider", field("Plugin", GobType.map(GobType.STRING, GobType.BYTES)));
    static final GobType.Struct METRIC = GobType.struct(
            "v1alpha1.Metric",
            field("Name", GobType.STRING),
            field("Interval", GobType.STRING),
            field("Count", INT_OR_STRING),
            field("Provider", METRIC_PROVIDER));
    static final GobType.Struct RUN_ARGS =
            GobType.struct("rpc.RunArgs", field("AnalysisRun", ANALYSIS_RUN), field("Metric", METRIC));
    static final GobType.Struct TERMINATE_AND_RESUME_ARGS = GobType.struct(
            "rpc.TerminateAndResumeArgs",
            field("AnalysisRun", ANALYSIS_RUN),
            field("Metric", METRIC),
            field("Measurement", ArgoWireTypes.MEASUREMENT));
    static final GobType.Struct GARBAGE_COLLECT_ARGS = GobType.struct(
            "rpc.GarbageCollectArgs",
            field("AnalysisRun", ANALYSIS_RUN),
            field("Metric", METRIC),
            field("Limit", GobType.INT));
    static final GobType.Struct GET_METADATA_ARGS = GobType.struct("rpc.GetMetadataArgs", field("Metric", METRIC));

    private ArgoArgs() {}

    public static Map<String, Object> analysisRun() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("Name", "voyager-gateway-7d9c8f-2-1");
        meta.put("Namespace", "payments");
        meta.put("CreationTimestamp", GoTime.utc(Instant.parse("2024-05-06T07:00:00Z")));
        meta.put("Labels", Map.of("step-index", "2"));
        return Map.of("ObjectMeta", meta);
    }

    public static Map<String, Object> metric() {
        return metric(PLUGIN_CONFIG);
    }

    /** The metric with this JSON under {@code provider.plugin["voyager/canary-judge"]}. */
    public static Map<String, Object> metric(String pluginConfig) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("Name", "canary-judge");
        metric.put("Interval", "1m");
        metric.put("Count", Map.of("IntVal", 5L));
        metric.put(
                "Provider",
                Map.of("Plugin", Map.of("voyager/canary-judge", pluginConfig.getBytes(StandardCharsets.UTF_8))));
        return metric;
    }

    public static Map<String, Object> inProgressMeasurement() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Phase", "Running");
        m.put("StartedAt", GoTime.utc(Instant.parse("2024-05-06T07:08:09Z")));
        m.put("Metadata", Map.of("window", "3"));
        return m;
    }

    public static GobInterface runArgs() {
        return runArgs(PLUGIN_CONFIG);
    }

    public static GobInterface runArgs(String pluginConfig) {
        return new GobInterface(
                "RunArgs", RUN_ARGS, Map.of("AnalysisRun", analysisRun(), "Metric", metric(pluginConfig)));
    }

    public static GobInterface terminateAndResumeArgs() {
        return new GobInterface(
                "TerminateAndResumeArgs",
                TERMINATE_AND_RESUME_ARGS,
                Map.of("AnalysisRun", analysisRun(), "Metric", metric(), "Measurement", inProgressMeasurement()));
    }

    public static GobInterface garbageCollectArgs(long limit) {
        return new GobInterface(
                "GarbageCollectArgs",
                GARBAGE_COLLECT_ARGS,
                Map.of("AnalysisRun", analysisRun(), "Metric", metric(), "Limit", limit));
    }

    public static GobInterface getMetadataArgs() {
        return new GobInterface("GetMetadataArgs", GET_METADATA_ARGS, Map.of("Metric", metric()));
    }
}
