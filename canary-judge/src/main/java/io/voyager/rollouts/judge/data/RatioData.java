package io.voyager.rollouts.judge.data;

/**
 * Good and total event counts per side over the window, e.g. from {@code increase()}: they may be
 * fractional because Prometheus extrapolates, and are rounded to whole requests before testing. A side
 * without data has total 0.
 */
public record RatioData(double canaryGood, double canaryTotal, double baselineGood, double baselineTotal)
        implements MetricData {
}
