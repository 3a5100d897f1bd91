package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.stats.ClusterDispersion;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.SpecialFunctions;
import java.util.Locale;

/**
 * Each side's design effect, from the intra-pod correlation the baseline's pods show for one event (a failed
 * request, or a request slower than the quantile under test). The canary's effect uses its own requests per
 * pod; a canary given without pods counts as one pod, the most its counts can be worth less. The baseline's
 * pods alone set the correlation, so a bad canary cannot widen its own allowance. Estimated from k pods, the
 * dispersion is itself uncertain (k - 1 degrees of freedom), so a test that uses it is referred to Student's
 * t with k - 1 degrees of freedom instead of the normal, as quasi-likelihood does.
 */
record PodDispersion(double canaryEffect, double baselineEffect, int baselinePods) {
    static final PodDispersion NONE = new PodDispersion(1.0, 1.0, 0);

    /**
     * From the baseline pods' event counts and totals; {@link #NONE} below two pods.
     *
     * @param canaryTotal the canary's requests, spread over {@code canaryPods} pods (at least one)
     */
    static PodDispersion of(long[] baselineEvents, long[] baselineTotals, long canaryTotal, long canaryPods) {
        if (baselineTotals.length < 2) {
            return NONE;
        }
        double rho = ClusterDispersion.intraClusterCorrelation(baselineEvents, baselineTotals);
        double canaryPodSize = (double) canaryTotal / Math.max(1, canaryPods);
        return new PodDispersion(ClusterDispersion.designEffect(rho, canaryPodSize),
                ClusterDispersion.designEffect(rho, ClusterDispersion.meanClusterSize(baselineTotals)),
                baselineTotals.length);
    }

    boolean any() {
        return canaryEffect > 1.0 + 1e-9 || baselineEffect > 1.0 + 1e-9;
    }

    /**
     * The level a test on weighed counts must beat: the same one-sided tail, read from Student's t with
     * (pods - 1) degrees of freedom, as the normal tail of that t. Unchanged when no dispersion was applied.
     */
    TestLevel reference(TestLevel level) {
        if (!any() || baselinePods < 2) {
            return level;
        }
        double t = SpecialFunctions.studentUpperQuantile(level.nominal(), baselinePods - 1);
        return new TestLevel(Normal.upperTail(t), level.guardrailZ());
    }

    /** Counts as the independent requests they are worth: count / effect, at least one request. */
    static long weighed(long count, double effect, boolean isTotal) {
        long w = Math.round(count / effect);
        return isTotal && count > 0 ? Math.max(1, w) : w;
    }

    /** The message's note, empty when the pods showed no more spread than independent requests. */
    String note() {
        return any() ? String.format(Locale.ROOT, ", pods overdispersed: counts weigh 1/%.2f (canary), 1/%.2f (stable, %d pods), t on %d df",
                canaryEffect, baselineEffect, baselinePods, baselinePods - 1) : "";
    }
}
