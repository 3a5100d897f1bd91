package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.stats.ClusterDispersion;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.SpecialFunctions;
import java.util.Locale;

/**
 * Each side's design effect, from the intra-pod correlation the baseline's pods show for one event (a failed
 * request, or a request slower than the quantile under test). Each side's effect uses its own pods' sizes,
 * weighted by size (sum n_i² / sum n_i: a pod that holds most of the requests counts as that pod, as right
 * after new canary pods start); a canary given without pods counts as one pod, the most its counts can be worth
 * less. The baseline's
 * pods alone set the correlation, so a bad canary cannot widen its own allowance.
 *
 * <p>Estimated from k pods, the excess over the binomial variance is itself uncertain (k - 1 degrees of
 * freedom), while the binomial part is not. A test on weighed counts is therefore read from Student's t with
 * the Welch-Satterthwaite degrees of freedom of that sum, (k - 1) (V / E)², V the variance of the difference
 * and E its estimated excess: k - 1 when the excess dominates, the normal as it vanishes, with no jump between.
 */
record PodDispersion(double canaryEffect, double baselineEffect, int baselinePods, double degreesOfFreedom) {
    /** Fewer baseline pods than this leave too few degrees of freedom to estimate a spread worth using. */
    static final int MIN_BASELINE_PODS = 4;

    static final PodDispersion NONE = new PodDispersion(1.0, 1.0, 0, Double.POSITIVE_INFINITY);

    /**
     * From the baseline pods' event counts and totals; {@link #NONE} below {@link #MIN_BASELINE_PODS} pods.
     *
     * @param canaryTotal the canary's requests
     * @param canaryPodTotals the canary's requests per pod; empty when not known, then all count as one pod
     */
    static PodDispersion of(long[] baselineEvents, long[] baselineTotals, long canaryTotal, long[] canaryPodTotals) {
        if (baselineTotals.length < MIN_BASELINE_PODS) {
            return NONE;
        }
        double rho = ClusterDispersion.intraClusterCorrelation(baselineEvents, baselineTotals);
        double canaryPodSize = ClusterDispersion.sizeWeightedClusterSize(canaryPodTotals);
        double canaryEffect = ClusterDispersion.designEffect(rho, canaryPodSize > 0 ? canaryPodSize : canaryTotal);
        double baselineEffect =
                ClusterDispersion.designEffect(rho, ClusterDispersion.sizeWeightedClusterSize(baselineTotals));
        long baselineTotal = 0;
        for (long t : baselineTotals) {
            baselineTotal += t;
        }
        double nc = Math.max(1, canaryTotal);
        double nb = Math.max(1, baselineTotal);
        double variance = canaryEffect / nc + baselineEffect / nb;
        double excess = (canaryEffect - 1.0) / nc + (baselineEffect - 1.0) / nb;
        double df = excess > 0
                ? (baselineTotals.length - 1) * (variance / excess) * (variance / excess)
                : Double.POSITIVE_INFINITY;
        return new PodDispersion(canaryEffect, baselineEffect, baselineTotals.length, df);
    }

    boolean any() {
        return canaryEffect > 1.0 + 1e-9 || baselineEffect > 1.0 + 1e-9;
    }

    /**
     * The level a test on weighed counts must beat: the same one-sided tail, read from Student's t with
     * {@link #degreesOfFreedom}, as the normal tail of that t. Unchanged when no dispersion was applied.
     */
    TestLevel reference(TestLevel level) {
        if (!any() || !Double.isFinite(degreesOfFreedom)) {
            return level;
        }
        double t = SpecialFunctions.studentUpperQuantile(level.nominal(), degreesOfFreedom);
        return new TestLevel(Normal.upperTail(t), level.guardrailZ());
    }

    /** Counts as the independent requests they are worth: count / effect, at least one request. */
    static long weighed(long count, double effect, boolean isTotal) {
        long w = Math.round(count / effect);
        return isTotal && count > 0 ? Math.max(1, w) : w;
    }

    /** The message's note, empty when the pods showed no more spread than independent requests. */
    String note() {
        return any()
                ? String.format(
                        Locale.ROOT,
                        ", pods overdispersed: counts weigh 1/%.2f (canary), 1/%.2f (stable, %d pods), t on %.1f df",
                        canaryEffect,
                        baselineEffect,
                        baselinePods,
                        degreesOfFreedom)
                : "";
    }
}
