package io.voyager.rollouts.judge.stats;

/**
 * The pooled two-proportion z statistic with Yates' continuity correction, as in R's
 * {@code prop.test(correct = TRUE)} (whose chi-square is z squared).
 */
public final class TwoProportionZ {
    private TwoProportionZ() {}

    /**
     * Signed z for rate1 - rate2: positive when group 1 has the higher rate. The correction shrinks |diff|
     * by half a count per group, but never past zero.
     */
    public static double z(long events1, long n1, long events2, long n2) {
        double p1 = (double) events1 / n1;
        double p2 = (double) events2 / n2;
        double pooled = (double) (events1 + events2) / (n1 + n2);
        double inverseSum = 1.0 / n1 + 1.0 / n2;
        double se = Math.sqrt(pooled * (1.0 - pooled) * inverseSum);
        if (se == 0.0) {
            return 0.0;
        }
        double diff = p1 - p2;
        double corrected = Math.max(0.0, Math.abs(diff) - 0.5 * inverseSum);
        return Math.copySign(corrected, diff) / se;
    }
}
