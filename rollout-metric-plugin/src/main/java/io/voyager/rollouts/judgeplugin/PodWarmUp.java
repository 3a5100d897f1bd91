package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.prometheus.LabelMatchers;
import io.voyager.rollouts.prometheus.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Like with like by pod age: a histogram is compared only on the requests each pod served after its first
 * {@code podWarmUp} (from its process start), on both sides. A fresh canary pod is slower for a while because it
 * is new, and the stable pods it is compared with have run for hours; an old stable pod is not touched, a stable
 * pod the autoscaler has just added is held to the same rule as the canary.
 *
 * <p>Per pod, against the window {@code [at - window, at]}:
 * <ul>
 *   <li>warm before the window began: its counts as fetched;</li>
 *   <li>warm inside the window: its counts over {@code [warm, at]} only, fetched again with its own range;</li>
 *   <li>not warm yet, or warm for less than {@link #MIN_RANGE}: left out;</li>
 *   <li>no start time known: its counts as fetched (nothing says it is young).</li>
 * </ul>
 * Error ratios are never filtered: a request a cold pod fails is a customer's failed payment. Absolute limits on
 * every request stay with the SLO guardrail template.
 */
final class PodWarmUp {
    /** Longer than any JVM needs; a longer setting would hide a canary's whole first steps. */
    static final Duration MAX = Duration.ofMinutes(10);
    /** Two of the cluster's 10 s scrapes: what {@code increase()} needs to see a pod's counters move. */
    static final Duration MIN_RANGE = Duration.ofSeconds(20);

    private static final String START_QUERY =
            "max by (" + MetricQueries.POD_LABEL + ") (process_start_time_seconds{%s})";

    /** Where a pod stands at a look. */
    record Plan(Map<String, Duration> partial, List<String> warming) {}

    /** What was left out of one side at a look, for the verdict's summary. */
    record LeftOut(double requests, int pods) {
        static final LeftOut NOTHING = new LeftOut(0, 0);
    }

    private PodWarmUp() {}

    /** The pods' process start times (epoch seconds) on one side, by pod. */
    static String startQuery(LabelMatchers side) {
        return START_QUERY.formatted(side.render());
    }

    static Map<String, Double> starts(List<Sample> samples) {
        Map<String, Double> starts = new TreeMap<>();
        for (Sample s : samples) {
            String pod = s.labels().get(MetricQueries.POD_LABEL);
            if (pod != null && Double.isFinite(s.value())) {
                starts.merge(pod, s.value(), Math::max);
            }
        }
        return starts;
    }

    /** The pods of {@code pods} that are partly warm in the window (with their warm range) or not warm at all. */
    static Plan plan(Iterable<String> pods, Map<String, Double> starts, Instant at, Duration window, Duration warmUp) {
        Map<String, Duration> partial = new LinkedHashMap<>();
        List<String> warming = new ArrayList<>();
        Instant windowStart = at.minus(window);
        for (String pod : new TreeSet<String>(toList(pods))) {
            Double start = starts.get(pod);
            if (start == null) {
                continue;
            }
            Instant warm = Instant.ofEpochMilli(Math.round(start * 1000)).plus(warmUp);
            if (!warm.isAfter(windowStart)) {
                continue;
            }
            // Whole seconds, rounded down: the range must not reach back into the warm-up.
            Duration warmRange = Duration.ofSeconds(Duration.between(warm, at).toSeconds());
            if (warmRange.compareTo(MIN_RANGE) < 0) {
                warming.add(pod);
            } else {
                partial.put(pod, warmRange);
            }
        }
        return new Plan(partial, warming);
    }

    /**
     * One query for all partly warm pods of a side: the metric's query for each pod with its own range, joined by
     * {@code or} (each part keeps its pod label, so the parts never overlap).
     */
    static String partialQuery(MetricQueries metric, String role, LabelMatchers side, Plan plan, Duration step) {
        List<String> parts = new ArrayList<>();
        plan.partial().forEach((pod, range) -> {
            List<String> matchers = new ArrayList<>(side.matchers());
            matchers.add(MetricQueries.POD_LABEL + "=\"" + escape(pod) + "\"");
            parts.add("(" + metric.render(role, new LabelMatchers(matchers), range, step) + ")");
        });
        return String.join(" or ", parts);
    }

    /** A side's samples after the warm-up rule, and what it took away. */
    record Kept(List<Sample> samples, LeftOut leftOut) {}

    /**
     * The side's samples with each partly warm pod's replaced by its warm-range answer and each warming pod's
     * dropped; what that took away is counted on the +Inf bucket.
     */
    static Kept keepWarm(List<Sample> fetched, List<Sample> partialAnswer, Plan plan) {
        List<Sample> kept = new ArrayList<>();
        double before = 0;
        double after = 0;
        for (Sample s : fetched) {
            String pod = s.labels().get(MetricQueries.POD_LABEL);
            boolean young = pod != null
                    && (plan.partial().containsKey(pod) || plan.warming().contains(pod));
            if (!young) {
                kept.add(s);
            } else if (isInf(s)) {
                before += s.value();
            }
        }
        for (Sample s : partialAnswer) {
            if (plan.partial().containsKey(s.labels().get(MetricQueries.POD_LABEL))) {
                kept.add(s);
                if (isInf(s)) {
                    after += s.value();
                }
            }
        }
        int young = plan.partial().size() + plan.warming().size();
        return new Kept(kept, young == 0 ? LeftOut.NOTHING : new LeftOut(Math.max(0, before - after), young));
    }

    private static boolean isInf(Sample s) {
        String le = s.labels().get("le");
        return "+Inf".equals(le) || "Inf".equals(le);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static List<String> toList(Iterable<String> pods) {
        List<String> list = new ArrayList<>();
        pods.forEach(list::add);
        return list;
    }
}
