package io.voyager.rollouts.judge.stats;

/**
 * The exact null distribution of the Mann-Whitney U for sample sizes m and n without ties, by the
 * recurrence P(m, n, u) = m/(m+n) P(m-1, n, u-n) + n/(m+n) P(m, n-1, u), whose terms are all positive
 * (so it is stable in floating point, unlike expanding the Gaussian binomial coefficient).
 */
final class UDistribution {
    private final double[] pmf;

    private UDistribution(double[] pmf) {
        this.pmf = pmf;
    }

    static UDistribution of(int m, int n) {
        // previous[j] holds P(i-1, j, .); current[j] holds P(i, j, .).
        double[][] previous = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            previous[j] = new double[] {1.0};
        }
        for (int i = 1; i <= m; i++) {
            double[][] current = new double[n + 1][];
            current[0] = new double[] {1.0};
            for (int j = 1; j <= n; j++) {
                double[] p = new double[i * j + 1];
                double fromX = (double) i / (i + j);
                double fromY = (double) j / (i + j);
                double[] withoutX = previous[j];
                double[] withoutY = current[j - 1];
                for (int u = 0; u < p.length; u++) {
                    double sum = 0;
                    int v = u - j;
                    if (v >= 0 && v < withoutX.length) {
                        sum += fromX * withoutX[v];
                    }
                    if (u < withoutY.length) {
                        sum += fromY * withoutY[u];
                    }
                    p[u] = sum;
                }
                current[j] = p;
            }
            previous = current;
        }
        return new UDistribution(previous[n]);
    }

    /** P(U <= u). */
    double lowerTail(long u) {
        double sum = 0;
        for (int k = 0; k <= Math.min(u, pmf.length - 1); k++) {
            sum += pmf[k];
        }
        return Math.min(1.0, sum);
    }

    /** P(U >= u). */
    double upperTail(long u) {
        double sum = 0;
        for (int k = (int) Math.max(0, u); k < pmf.length; k++) {
            sum += pmf[k];
        }
        return Math.min(1.0, sum);
    }

    int maxU() {
        return pmf.length - 1;
    }
}
