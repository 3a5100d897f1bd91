package io.voyager.rollouts.judge.stats;

/**
 * Two sides' rates compared slice by slice of time: the canary's observed events O against the events E it
 * would have had at stable's rate of each slice, E = sum n_c,t x_s,t / n_s,t. A burst both sides share, or a
 * rate that drifts while the canary's share of traffic steps up, then cancels out instead of landing on the
 * side whose requests came later (Simpson's paradox of a pooled rate over a window since the start).
 *
 * <p>Under "same rate p_t in each slice", O - E has variance sum p_t (1 - p_t) n_c,t (d_c + d_s n_c,t / n_s,t)
 * with p_t the slice's pooled rate and d_c, d_s each side's design effect (1 for independent requests): the
 * Cochran-Mantel-Haenszel form with the canary's requests as weights. The effect is the canary's rate minus
 * stable's at the canary's times, p1 - p2 with p1 = O / N_c and p2 = E / N_c. Its interval is Newcombe's hybrid
 * score interval on effective sizes: N_c / d_c for p1, and for p2 the size whose binomial variance equals
 * p2's own, p2 (1 - p2) / (d_s sum n_c,t² r_t (1 - r_t) / n_s,t / N_c²) with r_t stable's rate in slice t.
 * Slices where either side has no requests carry no comparison and are left out.
 */
public final class StratifiedRateDifference {
    private final double observed;
    private final double expected;
    private final double canaryRequests;
    private final double nullVariance;
    private final double canarySize;
    private final double baselineSize;
    private final int slices;

    private StratifiedRateDifference(
            double observed,
            double expected,
            double canaryRequests,
            double nullVariance,
            double canarySize,
            double baselineSize,
            int slices) {
        this.observed = observed;
        this.expected = expected;
        this.canaryRequests = canaryRequests;
        this.nullVariance = nullVariance;
        this.canarySize = canarySize;
        this.baselineSize = baselineSize;
        this.slices = slices;
    }

    /**
     * @param canaryEvents the canary's events per slice (e.g. good requests), with {@code canaryTotals}
     * @param baselineEvents stable's events per slice, with {@code baselineTotals}
     * @param canaryEffect the canary's design effect, at least 1
     * @param baselineEffect stable's design effect, at least 1
     */
    public static StratifiedRateDifference of(
            long[] canaryEvents,
            long[] canaryTotals,
            long[] baselineEvents,
            long[] baselineTotals,
            double canaryEffect,
            double baselineEffect) {
        double o = 0;
        double e = 0;
        double nc = 0;
        double v0 = 0;
        double stableVariance = 0;
        double stableRequests = 0;
        int used = 0;
        for (int t = 0; t < canaryTotals.length; t++) {
            if (canaryTotals[t] <= 0 || baselineTotals[t] <= 0) {
                continue;
            }
            double n1 = canaryTotals[t];
            double n2 = baselineTotals[t];
            double pooled = (canaryEvents[t] + baselineEvents[t]) / (n1 + n2);
            o += canaryEvents[t];
            e += n1 * baselineEvents[t] / n2;
            nc += n1;
            double stable = baselineEvents[t] / n2;
            v0 += pooled * (1 - pooled) * n1 * (canaryEffect + baselineEffect * n1 / n2);
            stableVariance += baselineEffect * n1 * n1 * stable * (1 - stable) / n2;
            stableRequests += n2;
            used++;
        }
        double p2 = nc > 0 ? e / nc : 0.0;
        double baselineSize =
                stableVariance > 0 ? p2 * (1 - p2) * nc * nc / stableVariance : stableRequests / baselineEffect;
        return new StratifiedRateDifference(o, e, nc, v0, nc / canaryEffect, baselineSize, used);
    }

    /** Slices where both sides had requests. */
    public int slices() {
        return slices;
    }

    /** The canary's requests in those slices. */
    public double canaryRequests() {
        return canaryRequests;
    }

    /** Stable's rate at the canary's times, E / N_c. */
    public double baselineRateAtCanaryTimes() {
        return canaryRequests > 0 ? expected / canaryRequests : Double.NaN;
    }

    /** The canary's rate minus stable's at the canary's times. */
    public double effect() {
        return canaryRequests > 0 ? (observed - expected) / canaryRequests : 0.0;
    }

    /**
     * One-sided p-value that the canary's rate is below stable's, from the normal with half an event's
     * continuity correction (never past zero).
     */
    public double pCanaryLower() {
        return pBelow(expected - observed);
    }

    /** One-sided p-value that the canary's rate is above stable's. */
    public double pCanaryHigher() {
        return pBelow(observed - expected);
    }

    private double pBelow(double shortfall) {
        if (!(nullVariance > 0)) {
            return 0.5;
        }
        double corrected = Math.copySign(Math.max(0.0, Math.abs(shortfall) - 0.5), shortfall);
        return Normal.upperTail(corrected / Math.sqrt(nullVariance));
    }

    /** Newcombe's hybrid score interval for the effect at the two-sided normal quantile z. */
    public Interval interval(double z) {
        if (!(canaryRequests > 0)) {
            return Interval.UNBOUNDED;
        }
        return ProportionInterval.newcombeDifference(
                observed / canaryRequests, canarySize, expected / canaryRequests, baselineSize, z);
    }
}
