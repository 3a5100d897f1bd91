package io.voyager.rollouts.argo;

import io.voyager.rollouts.goplugin.gob.GobOpaque;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps gob structs, decoded generically by field name, onto the Argo records. Absent fields are Go
 * zero values (gob omits them), so every accessor tolerates absence.
 */
final class ArgoDecoding {
    private static final GobStruct EMPTY = new GobStruct("", Map.of());

    private ArgoDecoding() {}

    static AnalysisRunView analysisRun(GobStruct run) {
        if (run == null) {
            return AnalysisRunView.ABSENT;
        }
        GobStruct meta = struct(run, "ObjectMeta");
        GobStruct spec = struct(run, "Spec");
        GobStruct status = struct(run, "Status");
        Map<String, String> args = new LinkedHashMap<>();
        for (Object item : spec.list("Args")) {
            GobStruct arg = (GobStruct) item;
            if (arg.has("Value")) {
                args.put(arg.string("Name"), arg.string("Value"));
            }
        }
        Map<String, List<Measurement>> measurements = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object item : status.list("MetricResults")) {
            GobStruct result = (GobStruct) item;
            List<Measurement> list = new ArrayList<>();
            for (Object m : result.list("Measurements")) {
                list.add(measurement((GobStruct) m));
            }
            measurements.put(result.string("Name"), List.copyOf(list));
            counts.put(result.string("Name"), result.integer("Count"));
        }
        return new AnalysisRunView(
                meta.string("Name"), meta.string("Namespace"), args, measurements, time(status, "StartedAt"), counts);
    }

    static MetricView metric(GobStruct metric) {
        GobStruct m = metric == null ? EMPTY : metric;
        Map<Object, Object> plugins = struct(m, "Provider").map("Plugin");
        Optional<String> config = Optional.ofNullable(plugins.get(MetricProviderPlugin.NAME))
                .map(raw -> new String((byte[]) raw, StandardCharsets.UTF_8));
        return new MetricView(
                m.string("Name"),
                m.string("Interval"),
                intOrString(m, "Count"),
                intOrString(m, "FailureLimit"),
                intOrString(m, "InconclusiveLimit"),
                intOrString(m, "ConsecutiveErrorLimit"),
                m.string("SuccessCondition"),
                m.string("FailureCondition"),
                config);
    }

    static Measurement measurement(GobStruct m) {
        GobStruct s = m == null ? EMPTY : m;
        Map<String, String> metadata = new LinkedHashMap<>();
        s.map("Metadata").forEach((k, v) -> metadata.put((String) k, (String) v));
        return new Measurement(
                AnalysisPhase.parse(s.string("Phase")),
                s.string("Message"),
                time(s, "StartedAt"),
                time(s, "FinishedAt"),
                s.string("Value"),
                metadata,
                time(s, "ResumeAt"));
    }

    static GobStruct struct(GobStruct parent, String field) {
        GobStruct child = parent.struct(field);
        return child == null ? EMPTY : child;
    }

    private static Optional<IntOrString> intOrString(GobStruct parent, String field) {
        GobStruct v = parent.struct(field);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(new IntOrString(v.integer("Type"), v.integer("IntVal"), v.string("StrVal")));
    }

    private static Instant time(GobStruct parent, String field) {
        GobOpaque opaque = parent.opaque(field);
        return opaque == null ? null : opaque.asTime().instant();
    }
}
