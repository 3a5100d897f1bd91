package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.stats.Counts;

/**
 * Per-bucket (not cumulative) counts of both sides. Like Prometheus' histogram_quantile, a cumulative
 * count that dips slightly below the previous bucket (increase() extrapolates each series separately)
 * is raised to it instead of being rejected.
 */
record BucketCounts(double[] bounds, double[] canary, double[] baseline, double canaryTotal, double baselineTotal) {

    static BucketCounts of(HistogramData data) {
        double[] bounds = data.upperBounds();
        if (bounds == null
                || data.canaryCumulative() == null
                || data.baselineCumulative() == null
                || bounds.length < 2
                || bounds.length != data.canaryCumulative().length
                || bounds.length != data.baselineCumulative().length) {
            throw new IllegalArgumentException("bucket bounds and counts must have the same length >= 2");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (Double.isNaN(bounds[i]) || (i > 0 && !(bounds[i] > bounds[i - 1]))) {
                throw new IllegalArgumentException("bucket bounds must increase");
            }
        }
        if (!Double.isInfinite(bounds[bounds.length - 1])) {
            throw new IllegalArgumentException("the last bucket must be le=\"+Inf\"");
        }
        double[] canary = perBucket(data.canaryCumulative());
        double[] baseline = perBucket(data.baselineCumulative());
        return new BucketCounts(bounds, canary, baseline, Counts.sum(canary), Counts.sum(baseline));
    }

    private static double[] perBucket(double[] cumulative) {
        double[] counts = new double[cumulative.length];
        double previous = 0;
        for (int i = 0; i < cumulative.length; i++) {
            double c = cumulative[i];
            if (!Double.isFinite(c) || c < 0) {
                throw new IllegalArgumentException("bucket counts must be finite and >= 0");
            }
            double monotone = Math.max(previous, c);
            counts[i] = monotone - previous;
            previous = monotone;
        }
        return counts;
    }
}
