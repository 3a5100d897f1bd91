package io.voyager.rollouts.judge.config;

/**
 * An absolute limit on the canary alone, checked whatever the baseline does: a minimum or maximum of the
 * rate (ratio), of the configured quantile in seconds (histogram) or of the median (series). A breach
 * must be established with confidence (see {@link io.voyager.rollouts.judge.classify.GuardrailCheck}),
 * not merely observed, and fails the run at once.
 */
public record Guardrail(Double min, Double max) {
    public static Guardrail atLeast(double min) {
        return new Guardrail(min, null);
    }

    public static Guardrail below(double max) {
        return new Guardrail(null, max);
    }
}
