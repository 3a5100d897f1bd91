package io.voyager.rollouts.judge.data;

/** Samples per side over the window (all pods' points pooled); NaN and infinite samples are dropped. */
public record SeriesData(double[] canary, double[] baseline) implements MetricData {}
