package io.voyager.rollouts.judge.config;

/**
 * How large a change is tolerated before a statistically certain difference counts as a regression:
 * exactly one of an absolute amount (in the metric's unit: a rate as a fraction, seconds, cores) or a
 * fraction of the baseline's value. With 45K requests per second almost any difference is "significant";
 * this is what keeps harmless ones from failing a rollout.
 */
public record AllowedEffect(Double absolute, Double relative) {
    public static AllowedEffect absolute(double amount) {
        return new AllowedEffect(amount, null);
    }

    public static AllowedEffect relative(double fraction) {
        return new AllowedEffect(null, fraction);
    }

    /** The tolerated change in the metric's unit, given the baseline's value. */
    public double tolerance(double baselineValue) {
        return absolute != null ? absolute : relative * Math.abs(baselineValue);
    }
}
