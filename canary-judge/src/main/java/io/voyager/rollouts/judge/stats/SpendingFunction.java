package io.voyager.rollouts.judge.stats;

/**
 * Lan-DeMets alpha-spending functions: how much of the one-sided error rate alpha may be used up by
 * information fraction t in (0, 1].
 */
public enum SpendingFunction {
    /** 2 - 2 Phi(z_{alpha/2} / sqrt(t)): spends almost nothing early, close to a fixed-sample test at the end. */
    OBRIEN_FLEMING {
        @Override
        public double spent(double alpha, double t) {
            return 2.0 * Normal.upperTail(Normal.upperQuantile(alpha / 2.0) / Math.sqrt(t));
        }
    },
    /** alpha ln(1 + (e - 1) t): spends evenly, so large effects are caught at the first looks. */
    POCOCK {
        @Override
        public double spent(double alpha, double t) {
            return alpha * Math.log1p((Math.E - 1.0) * t);
        }
    };

    public abstract double spent(double alpha, double t);
}
