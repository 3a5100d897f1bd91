package io.voyager.rollouts.judge.config;

/**
 * One metric to judge.
 *
 * @param quantile histogram only: the upper quantile whose shift is estimated (0.99 = p99)
 * @param minSamples per side: requests for ratio and histogram, points for series; fewer is NoData
 * @param removeOutliers series only: drop IQR outliers before the location test (never before the spread test)
 * @param maxSpreadRatio series only: a spread (mean absolute deviation) ratio at or above this, when
 *     significant, is a regression
 */
public record MetricConfig(
        String name,
        MetricKind kind,
        Direction direction,
        AllowedEffect allowedEffect,
        boolean critical,
        String group,
        double weight,
        Guardrail guardrail,
        double quantile,
        long minSamples,
        boolean removeOutliers,
        double maxSpreadRatio) {

    public static final double DEFAULT_QUANTILE = 0.99;
    public static final long DEFAULT_MIN_REQUESTS = 500;
    public static final long DEFAULT_MIN_POINTS = 6;
    public static final double DEFAULT_MAX_SPREAD_RATIO = 1.25;
    public static final double IQR_FACTOR = 3.0;
    public static final double IQR_FENCE_PERCENTILE = 0.01;

    /** A metric with the defaults of its kind; refine it with the {@code with*} methods. */
    public static MetricConfig of(String name, MetricKind kind, Direction direction, AllowedEffect allowedEffect) {
        long minSamples = kind == MetricKind.SERIES ? DEFAULT_MIN_POINTS : DEFAULT_MIN_REQUESTS;
        return new MetricConfig(
                name,
                kind,
                direction,
                allowedEffect,
                false,
                name,
                1.0,
                null,
                DEFAULT_QUANTILE,
                minSamples,
                false,
                DEFAULT_MAX_SPREAD_RATIO);
    }

    public MetricConfig withCritical(boolean isCritical) {
        return new MetricConfig(
                name,
                kind,
                direction,
                allowedEffect,
                isCritical,
                group,
                weight,
                guardrail,
                quantile,
                minSamples,
                removeOutliers,
                maxSpreadRatio);
    }

    public MetricConfig withGroup(String newGroup, double newWeight) {
        return new MetricConfig(
                name,
                kind,
                direction,
                allowedEffect,
                critical,
                newGroup,
                newWeight,
                guardrail,
                quantile,
                minSamples,
                removeOutliers,
                maxSpreadRatio);
    }

    public MetricConfig withGuardrail(Guardrail newGuardrail) {
        return new MetricConfig(
                name,
                kind,
                direction,
                allowedEffect,
                critical,
                group,
                weight,
                newGuardrail,
                quantile,
                minSamples,
                removeOutliers,
                maxSpreadRatio);
    }

    public MetricConfig withMinSamples(long newMinSamples) {
        return new MetricConfig(
                name,
                kind,
                direction,
                allowedEffect,
                critical,
                group,
                weight,
                guardrail,
                quantile,
                newMinSamples,
                removeOutliers,
                maxSpreadRatio);
    }

    public MetricConfig withOutlierRemoval(boolean remove) {
        return new MetricConfig(
                name,
                kind,
                direction,
                allowedEffect,
                critical,
                group,
                weight,
                guardrail,
                quantile,
                minSamples,
                remove,
                maxSpreadRatio);
    }
}
