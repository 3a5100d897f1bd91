package io.voyager.rollouts.judge.stats;

/**
 * How much more two sides' good rates vary than independent requests would, when requests come in clusters
 * (pods, or scrape intervals) that differ among themselves. From the stable side's own clusters: Pearson's
 * dispersion X² / (k - 1) about the pooled rate, and from it the intra-cluster correlation by the moment
 * estimator rho = (phi - 1) / (n0 - 1), with n0 the ANOVA mean cluster size (N - sum n_i² / N) / (k - 1)
 * that allows for clusters of unequal size. A side whose pooled rate is taken over clusters of n_i requests
 * then carries the design effect 1 + (m - 1) rho with m = sum n_i² / sum n_i, the size-weighted mean cluster
 * size (Kish's effect for unequal clusters: the variance of a pooled rate is p (1 - p) / N (1 + (m - 1) rho)):
 * its counts weigh as counts / effect independent requests (the Rao-Scott adjustment). rho is never below 0, so an effect is never below 1 and the test is never made
 * stricter than the binomial one.
 */
public final class ClusterDispersion {
    private ClusterDispersion() {}

    /**
     * Pearson's X² / (k - 1) over clusters with {@code events[i]} of {@code totals[i]}, about their pooled rate;
     * 1 when it cannot be estimated (fewer than two clusters with requests, or a pooled rate of 0 or 1).
     */
    public static double pearsonDispersion(long[] events, long[] totals) {
        long n = 0;
        long e = 0;
        int clusters = 0;
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] > 0) {
                n += totals[i];
                e += events[i];
                clusters++;
            }
        }
        if (clusters < 2 || e == 0 || e == n) {
            return 1.0;
        }
        double p = (double) e / n;
        double chiSquare = 0.0;
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] > 0) {
                double expected = totals[i] * p;
                double deviation = events[i] - expected;
                chiSquare += deviation * deviation / (expected * (1.0 - p));
            }
        }
        return chiSquare / (clusters - 1);
    }

    /** The intra-cluster correlation the clusters show, at least 0; 0 when it cannot be estimated. */
    public static double intraClusterCorrelation(long[] events, long[] totals) {
        double phi = pearsonDispersion(events, totals);
        double n0 = meanClusterSize(totals);
        if (!(phi > 1.0) || !(n0 > 1.0)) {
            return 0.0;
        }
        return (phi - 1.0) / (n0 - 1.0);
    }

    /** The ANOVA mean cluster size (N - sum n_i² / N) / (k - 1) over clusters with requests; 0 below two. */
    public static double meanClusterSize(long[] totals) {
        Sizes sizes = Sizes.of(totals);
        return sizes.clusters < 2 ? 0.0 : (sizes.requests - sizes.squares / sizes.requests) / (sizes.clusters - 1);
    }

    /**
     * The size-weighted mean cluster size sum n_i² / sum n_i that sets a pooled rate's design effect; it equals
     * the plain mean when clusters are equal and grows towards the largest cluster as they differ. 0 without
     * requests.
     */
    public static double sizeWeightedClusterSize(long[] totals) {
        Sizes sizes = Sizes.of(totals);
        return sizes.requests > 0 ? sizes.squares / sizes.requests : 0.0;
    }

    /** N, sum n_i² and k over the clusters with requests. */
    private record Sizes(double requests, double squares, int clusters) {
        static Sizes of(long[] totals) {
            double n = 0.0;
            double squares = 0.0;
            int clusters = 0;
            for (long t : totals) {
                if (t > 0) {
                    n += t;
                    squares += (double) t * t;
                    clusters++;
                }
            }
            return new Sizes(n, squares, clusters);
        }
    }

    /** The design effect 1 + (m - 1) rho of a pooled rate over clusters of size-weighted mean size m. */
    public static double designEffect(double rho, double clusterSize) {
        return 1.0 + Math.max(0.0, clusterSize - 1.0) * Math.max(0.0, rho);
    }
}
