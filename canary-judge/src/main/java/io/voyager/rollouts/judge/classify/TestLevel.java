package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.stats.Normal;

/**
 * The significance one test may use at this look.
 *
 * @param nominal the one-sided p-value to beat in each bad direction at this look
 * @param guardrailZ the one-sided normal quantile for proving a guardrail breach
 */
public record TestLevel(double nominal, double guardrailZ) {
    /** The normal quantile of the one-sided confidence bound that matches {@link #nominal}. */
    public double z() {
        return Normal.upperQuantile(nominal);
    }

    /** The two-sided confidence of the interval [effect - z se, effect + z se]. */
    public double confidence() {
        return 1.0 - 2.0 * nominal;
    }
}
