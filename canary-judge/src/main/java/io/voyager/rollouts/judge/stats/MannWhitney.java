package io.voyager.rollouts.judge.stats;

import java.util.Arrays;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test of "x tends to be larger than y", on raw samples or on
 * counts per ordered bin (all values in one bin are ties). Large samples use the normal approximation
 * with the tie-corrected variance and a continuity correction of 1/2; small samples without ties use the
 * exact null distribution.
 */
public final class MannWhitney {
    /** Exact null distribution is used when m*n is at most this (R's wilcox.test switches at n < 50 each). */
    public static final int EXACT_LIMIT = 2_500;

    private MannWhitney() {}

    /** U of x, the expected U under no difference, and the one-sided p-values in both directions. */
    public record Result(double u, long m, long n, double z, double pGreater, double pLess) {}

    /** x and y are counts per bin, bins in increasing order of value. */
    public static Result binned(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("both sides need the same bins");
        }
        double m = 0;
        double n = 0;
        double u = 0;
        double tieSum = 0;
        double yBelow = 0;
        for (int i = 0; i < x.length; i++) {
            u += x[i] * (yBelow + y[i] / 2.0);
            yBelow += y[i];
            m += x[i];
            n += y[i];
            double t = x[i] + y[i];
            tieSum += t * t * t - t;
        }
        return normal(u, m, n, tieSum);
    }

    public static Result samples(double[] x, double[] y) {
        int m = x.length;
        int n = y.length;
        double[] pooled = new double[m + n];
        System.arraycopy(x, 0, pooled, 0, m);
        System.arraycopy(y, 0, pooled, m, n);
        Ranks ranks = Ranks.of(pooled);
        double rankSumX = 0;
        for (int i = 0; i < m; i++) {
            rankSumX += ranks.rank(i);
        }
        double u = rankSumX - m * (m + 1.0) / 2.0;
        if (ranks.tieSum() == 0 && (long) m * n <= EXACT_LIMIT && m > 0 && n > 0) {
            UDistribution null0 = UDistribution.of(m, n);
            long uLong = Math.round(u);
            return new Result(u, m, n, Double.NaN, null0.upperTail(uLong), null0.lowerTail(uLong));
        }
        return normal(u, m, n, ranks.tieSum());
    }

    private static Result normal(double u, double m, double n, double tieSum) {
        double total = m + n;
        double mean = m * n / 2.0;
        double variance = m * n / 12.0 * ((total + 1.0) - tieSum / (total * (total - 1.0)));
        if (!(variance > 0)) {
            return new Result(u, (long) m, (long) n, 0.0, 1.0, 1.0);
        }
        double sd = Math.sqrt(variance);
        double zGreater = (u - mean - 0.5) / sd;
        double zLess = (u - mean + 0.5) / sd;
        double z = (u - mean) / sd;
        return new Result(u, (long) m, (long) n, z, Normal.upperTail(zGreater), Normal.cdf(zLess));
    }

    /** Average ranks (1-based) of a sample, and the tie term sum(t^3 - t) over groups of equal values. */
    record Ranks(double[] ranks, double tieSum) {
        double rank(int i) {
            return ranks[i];
        }

        static Ranks of(double[] values) {
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[] ranks = new double[values.length];
            double tieSum = 0;
            int i = 0;
            while (i < order.length) {
                int j = i;
                while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                    j++;
                }
                double average = (i + j) / 2.0 + 1.0;
                for (int k = i; k <= j; k++) {
                    ranks[order[k]] = average;
                }
                double t = j - i + 1;
                tieSum += t * t * t - t;
                i = j + 1;
            }
            return new Ranks(ranks, tieSum);
        }
    }
}
