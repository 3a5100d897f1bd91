package io.voyager.rollouts.judge.data;

/** The data source could not answer for this metric (down, timed out, rejected the query). */
public record Unavailable(String reason) implements MetricData {}
