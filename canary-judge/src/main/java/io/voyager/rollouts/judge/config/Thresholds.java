package io.voyager.rollouts.judge.config;

/** Score thresholds in 0..100: at or above {@code pass} is Successful, below {@code marginal} is Failed. */
public record Thresholds(double pass, double marginal) {
    public static final Thresholds DEFAULT = new Thresholds(95.0, 75.0);
}
