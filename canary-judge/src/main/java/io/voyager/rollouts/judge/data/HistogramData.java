package io.voyager.rollouts.judge.data;

/**
 * Cumulative bucket counts by {@code le} per side over the window, as {@code increase(..._bucket[w])}
 * returns them; the last bound is +Inf. A side without data has all counts 0.
 */
public record HistogramData(double[] upperBounds, double[] canaryCumulative, double[] baselineCumulative)
        implements MetricData {
}
