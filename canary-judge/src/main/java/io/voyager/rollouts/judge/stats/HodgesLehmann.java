package io.voyager.rollouts.judge.stats;

/**
 * The Hodges-Lehmann estimate of the shift x - y (median of all pairwise differences) and its
 * distribution-free confidence interval from the order statistics of those differences (Moses), as in R's
 * {@code wilcox.test(x, y, conf.int = TRUE)}. The interval uses the exact U distribution for small samples
 * without ties, otherwise the normal approximation with the tie-corrected variance.
 */
public final class HodgesLehmann {
    private HodgesLehmann() {}

    public record Result(double estimate, Interval interval) {}

    /**
     * @param tailProbability the largest probability allowed outside the interval on EACH side
     *     (0.005 gives a 99% two-sided interval, and a 99.5% one-sided bound on either side)
     */
    public static Result shift(double[] x, double[] y, double tailProbability) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        PairwiseDifferences differences = new PairwiseDifferences(x, y);
        long pairs = differences.count();
        long rank = lowerRank(x, y, tailProbability);
        Interval interval =
                rank < 1 ? Interval.UNBOUNDED : new Interval(differences.kth(rank), differences.kth(pairs + 1 - rank));
        return new Result(differences.median(), interval);
    }

    /** The largest k >= 1 with P(U <= k - 1) <= tailProbability, or 0 when even k = 1 is too wide. */
    static long lowerRank(double[] x, double[] y, double tailProbability) {
        int m = x.length;
        int n = y.length;
        double[] pooled = new double[m + n];
        System.arraycopy(x, 0, pooled, 0, m);
        System.arraycopy(y, 0, pooled, m, n);
        double tieSum = MannWhitney.Ranks.of(pooled).tieSum();
        if (tieSum == 0 && (long) m * n <= MannWhitney.EXACT_LIMIT) {
            UDistribution exact = UDistribution.of(m, n);
            int k = 0;
            while (k < exact.maxU() / 2 + 1 && exact.lowerTail(k) <= tailProbability) {
                k++;
            }
            return k;
        }
        double total = m + n;
        double sd = Math.sqrt(m * (double) n / 12.0 * ((total + 1.0) - tieSum / (total * (total - 1.0))));
        double k = Math.floor(m * (double) n / 2.0 - Normal.upperQuantile(tailProbability) * sd);
        return (long) Math.max(0, k);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
