package io.voyager.rollouts.judge.stats;

import java.util.Arrays;

/**
 * Drops values outside [Q1 - factor*IQR, Q3 + factor*IQR], as Kayenta's IQR detector does, but never
 * fences tighter than the given lower and upper percentiles (so a sample with IQR 0 keeps its tails
 * unless they are extreme).
 */
public final class IqrOutlierFilter {
    private IqrOutlierFilter() {}

    public static double[] filter(double[] values, double factor, double fencePercentile) {
        if (values.length < 4) {
            return values.clone();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = percentile(sorted, 0.25);
        double q3 = percentile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = Math.min(q1 - factor * iqr, percentile(sorted, fencePercentile));
        double high = Math.max(q3 + factor * iqr, percentile(sorted, 1.0 - fencePercentile));
        return Arrays.stream(values).filter(v -> v >= low && v <= high).toArray();
    }

    /** Linear interpolation between order statistics (R type 7, numpy's default). */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
