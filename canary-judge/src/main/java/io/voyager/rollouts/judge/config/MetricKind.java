package io.voyager.rollouts.judge.config;

/** What a metric's data look like, and so which statistics judge it. */
public enum MetricKind {
    /** Good and total counters, e.g. success rate. */
    RATIO,
    /** Cumulative bucket counters by {@code le}, e.g. latency. */
    HISTOGRAM,
    /** Samples of a gauge-like time series, e.g. CPU. */
    SERIES
}
