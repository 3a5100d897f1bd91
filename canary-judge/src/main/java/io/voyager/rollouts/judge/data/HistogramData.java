package io.voyager.rollouts.judge.data;

import java.util.List;

/**
 * Cumulative bucket counts per side over the window: for each upper bound, the requests at or below it; the
 * last bound is +Inf. A side without data has all counts 0.
 *
 * <p>{@code canaryPods} and {@code baselinePods}, when given, are the same cumulative counts split by pod, on
 * the same bounds: the judge then estimates from the baseline's pods how much more the share of slow requests
 * varies between pods than independent requests would, and weighs both sides' counts down by it. Empty lists:
 * requests are taken as independent.
 *
 * <p>{@code canaryWarmingUp} is how many canary requests the data source left out as its pods' warm-up (0 when
 * it leaves nothing out): with too few requests left to compare, the metric is Waiting rather than NoData.
 */
public record HistogramData(
        double[] upperBounds,
        double[] canaryCumulative,
        double[] baselineCumulative,
        List<double[]> canaryPods,
        List<double[]> baselinePods,
        double canaryWarmingUp)
        implements MetricData {

    public HistogramData {
        canaryPods = List.copyOf(canaryPods);
        baselinePods = List.copyOf(baselinePods);
    }

    public HistogramData(
            double[] upperBounds,
            double[] canaryCumulative,
            double[] baselineCumulative,
            List<double[]> canaryPods,
            List<double[]> baselinePods) {
        this(upperBounds, canaryCumulative, baselineCumulative, canaryPods, baselinePods, 0);
    }

    /** The same data, saying that {@code requests} canary requests were left out as warm-up. */
    public HistogramData withCanaryWarmingUp(double requests) {
        return new HistogramData(upperBounds, canaryCumulative, baselineCumulative, canaryPods, baselinePods, requests);
    }

    public HistogramData(double[] upperBounds, double[] canaryCumulative, double[] baselineCumulative) {
        this(upperBounds, canaryCumulative, baselineCumulative, List.of(), List.of());
    }

    /** Both sides from their pods' cumulative counts: each side's counts are the bucket-wise sums. */
    public static HistogramData ofPods(double[] upperBounds, List<double[]> canaryPods, List<double[]> baselinePods) {
        return new HistogramData(
                upperBounds,
                sum(upperBounds.length, canaryPods),
                sum(upperBounds.length, baselinePods),
                canaryPods,
                baselinePods);
    }

    private static double[] sum(int buckets, List<double[]> pods) {
        double[] sum = new double[buckets];
        for (double[] pod : pods) {
            for (int i = 0; i < buckets && i < pod.length; i++) {
                sum[i] += pod[i];
            }
        }
        return sum;
    }
}
