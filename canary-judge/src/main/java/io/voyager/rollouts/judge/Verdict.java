package io.voyager.rollouts.judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one look: its phase, its value (the score), its one-sentence message
 * per-metric evidence for its metadata, and the alpha the look spent (null when the look could not be judged).
 */
public record Verdict(Phase phase, double score, String message, List<MetricResult> metrics, AlphaSpent alpha) {

    /** Metadata as strings: per metric, its label, effect, CI, p-value, boundary and sample sizes. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (MetricResult m : metrics) {
            String p = m.name() + ".";
            metadata.put(p + "label", m.label().display());
            if (m.guardrailBreached()) {
                metadata.put(p + "guardrail", "breached");
            }
            if (!Double.isNaN(m.effect())) {
                metadata.put(p + "effect", number(m.effect()));
            }
            if (m.interval() != null) {
                metadata.put(
                        p + "ci",
                        number(m.interval().lower()) + ".."
                                + number(m.interval().upper()));
                metadata.put(p + "ciLevel", number(m.confidence()));
            }
            if (!Double.isNaN(m.pValue())) {
                metadata.put(p + "pValue", number(m.pValue()));
                metadata.put(p + "boundary", number(m.boundary()));
            }
            metadata.put(p + "nCanary", number(m.canaryN()));
            metadata.put(p + "nBaseline", number(m.baselineN()));
            metadata.put(p + "summary", m.summary());
        }
        if (alpha != null) {
            metadata.put("alpha.look", number(alpha.thisLook()));
            metadata.put("alpha.spent", number(alpha.soFar()));
            metadata.put("alpha.familyWise", number(alpha.familyWise()));
            metadata.put("alpha.metrics", number(alpha.metrics()));
        }
        return metadata;
    }

    /** The value as a string: the score with two decimals. */
    public String value() {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    private static String number(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? "+Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
