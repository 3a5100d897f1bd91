package io.voyager.rollouts.judge.data;

/** What the data source returned for one metric over the window, for both sides. */
public sealed interface MetricData permits RatioData, HistogramData, SeriesData, Unavailable {}
