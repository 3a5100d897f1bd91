package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.ProportionInterval;
import java.util.Arrays;

/**
 * Absolute guardrails on the canary. A breach needs evidence: the one-sided confidence bound, not
 * just the point estimate, must lie beyond the limit, so one unlucky window cannot fail a healthy canary
 * while a broken one (100% errors) fails at the first look.
 */
final class GuardrailCheck {
    private GuardrailCheck() {}

    /** Rate events/n against [min, max] (either may be null). */
    static boolean rateBreached(long events, long n, Double min, Double max, double z) {
        Interval wilson = ProportionInterval.wilson(events, n, z);
        return (min != null && wilson.upper() < min) || (max != null && wilson.lower() > max);
    }

    /** A point estimate outside [min, max]: for a baseline with far more requests than the canary. */
    static boolean pointBreached(double rate, Guardrail guardrail) {
        return (guardrail.min() != null && rate < guardrail.min())
                || (guardrail.max() != null && rate > guardrail.max());
    }

    /** The q-quantile is above a limit when more than (1 - q) of the requests are slower than that limit. */
    static boolean quantileAbove(double countAbove, long n, double q, double z) {
        return rateBreached(Math.round(countAbove), n, null, 1.0 - q, z);
    }

    /** The distribution-free interval for the median from order statistics, against [min, max]. */
    static boolean medianBreached(double[] samples, Double min, Double max, double z) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int j = (int) Math.floor(n / 2.0 - z * Math.sqrt(n) / 2.0);
        if (j < 1) {
            return false;
        }
        double lower = sorted[j - 1];
        double upper = sorted[n - j];
        return (min != null && upper < min) || (max != null && lower > max);
    }
}
