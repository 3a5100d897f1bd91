package io.voyager.rollouts.judge.data;

import java.util.List;

/**
 * Good and total event counts per side over the window, e.g. from {@code increase()}: they may be
 * fractional because Prometheus extrapolates, and are rounded to whole requests before testing. A side
 * without data has total 0.
 *
 * <p>{@code canaryPods} and {@code baselinePods}, when given, are the same counts split by pod (or by
 * interval): the judge then estimates from the baseline's pods how much more rates vary than independent
 * requests would, and weighs both sides' counts down by it. Empty lists: requests are taken as independent.
 *
 * <p>{@code slices}, when given, are both sides' counts in consecutive slices of the window (e.g. each step of
 * a range query): the judge then compares the canary with stable slice by slice, so that a burst or drift both
 * sides share is not held against the side whose traffic grew while it happened.
 */
public record RatioData(
        double canaryGood,
        double canaryTotal,
        double baselineGood,
        double baselineTotal,
        List<Cluster> canaryPods,
        List<Cluster> baselinePods,
        List<Slice> slices)
        implements MetricData {

    /** One pod's (or interval's) good and total counts. */
    public record Cluster(double good, double total) {}

    /** Both sides' good and total counts over one slice of the window. */
    public record Slice(double canaryGood, double canaryTotal, double baselineGood, double baselineTotal) {}

    public RatioData {
        canaryPods = List.copyOf(canaryPods);
        baselinePods = List.copyOf(baselinePods);
        slices = List.copyOf(slices);
    }

    public RatioData(
            double canaryGood,
            double canaryTotal,
            double baselineGood,
            double baselineTotal,
            List<Cluster> canaryPods,
            List<Cluster> baselinePods) {
        this(canaryGood, canaryTotal, baselineGood, baselineTotal, canaryPods, baselinePods, List.of());
    }

    /** The same counts, with both sides' counts slice by slice. */
    public RatioData withSlices(List<Slice> bySlice) {
        return new RatioData(canaryGood, canaryTotal, baselineGood, baselineTotal, canaryPods, baselinePods, bySlice);
    }

    public RatioData(double canaryGood, double canaryTotal, double baselineGood, double baselineTotal) {
        this(canaryGood, canaryTotal, baselineGood, baselineTotal, List.of(), List.of());
    }

    /** Both sides from their clusters: each side's totals are the sums of its clusters. */
    public static RatioData ofPods(List<Cluster> canaryPods, List<Cluster> baselinePods) {
        return new RatioData(
                sum(canaryPods, true),
                sum(canaryPods, false),
                sum(baselinePods, true),
                sum(baselinePods, false),
                canaryPods,
                baselinePods);
    }

    private static double sum(List<Cluster> clusters, boolean good) {
        double s = 0;
        for (Cluster c : clusters) {
            s += good ? c.good() : c.total();
        }
        return s;
    }
}
