package io.voyager.rollouts.judge.config;

/**
 * PromQL templates that fetch one metric for one side. {@code ${selector}} becomes the side's label
 * selector and {@code ${window}} the range; the judge itself never reads them.
 * Ratio uses {@code good} and {@code total}; histogram uses {@code buckets} (one series per {@code le});
 * series uses {@code samples} as a range query.
 */
public record MetricQuery(String good, String total, String buckets, String samples) {
    public static MetricQuery ratio(String good, String total) {
        return new MetricQuery(good, total, null, null);
    }

    public static MetricQuery histogram(String buckets) {
        return new MetricQuery(null, null, buckets, null);
    }

    public static MetricQuery series(String samples) {
        return new MetricQuery(null, null, null, samples);
    }
}
