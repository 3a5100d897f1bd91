package io.voyager.rollouts.judge.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-sided group-sequential boundaries c_1..c_K on the z scale for K equally spaced looks, such that a
 * standardized statistic that is Brownian in information time crosses c_k at look k (and not before)
 * with probability alpha(t_k) - alpha(t_{k-1}) under the null hypothesis. Computed by the recursive
 * numerical integration of Armitage, McPherson and Rowe (1969) on the score scale S_k = Z_k sqrt(t_k),
 * with composite Simpson rules. Results are cached: they depend only on (alpha, K, spending function).
 */
public final class GroupSequentialBoundary {
    private static final int GRID = 801;
    private static final double LOWER_TAIL_SDS = 9.0;
    private static final Map<String, double[]> CACHE = new ConcurrentHashMap<>();

    private GroupSequentialBoundary() {}

    /** The z boundaries for looks 1..K. */
    public static double[] boundaries(double alpha, int looks, SpendingFunction spending) {
        if (!(alpha > 0 && alpha < 0.5) || looks < 1) {
            throw new IllegalArgumentException("need 0 < alpha < 0.5 and looks >= 1");
        }
        String key = alpha + "/" + looks + "/" + spending;
        return CACHE.computeIfAbsent(key, k -> compute(alpha, looks, spending)).clone();
    }

    private static double[] compute(double alpha, int looks, SpendingFunction spending) {
        double[] boundary = new double[looks];
        double[] t = new double[looks];
        for (int k = 0; k < looks; k++) {
            t[k] = (k + 1.0) / looks;
        }
        double previousSpent = 0.0;
        double spentFirst = spending.spent(alpha, t[0]);
        boundary[0] = Normal.upperQuantile(spentFirst);
        previousSpent = spentFirst;
        // Sub-density of S_1 on the continuation region (-inf, c_1 sqrt(t_1)).
        double[] grid = grid(t[0], boundary[0] * Math.sqrt(t[0]));
        double[] density = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            density[i] = Normal.density(grid[i] / Math.sqrt(t[0])) / Math.sqrt(t[0]);
        }
        for (int k = 1; k < looks; k++) {
            double increment = spending.spent(alpha, t[k]) - previousSpent;
            previousSpent += increment;
            double sdStep = Math.sqrt(t[k] - t[k - 1]);
            boundary[k] = solveBoundary(grid, density, sdStep, Math.sqrt(t[k]), increment);
            if (k + 1 < looks) {
                double[] nextGrid = grid(t[k], boundary[k] * Math.sqrt(t[k]));
                double[] nextDensity = new double[GRID];
                for (int i = 0; i < GRID; i++) {
                    double s = nextGrid[i];
                    double[] integrand = new double[GRID];
                    for (int j = 0; j < GRID; j++) {
                        integrand[j] = density[j] * Normal.density((s - grid[j]) / sdStep) / sdStep;
                    }
                    nextDensity[i] = simpson(grid, integrand);
                }
                grid = nextGrid;
                density = nextDensity;
            }
        }
        return boundary;
    }

    /** Finds c with integral density(u) P(S_k > c sqrt(t_k) | S_{k-1} = u) du = increment, by bisection. */
    private static double solveBoundary(
            double[] grid, double[] density, double sdStep, double sqrtT, double increment) {
        double low = -2.0;
        double high = 40.0;
        for (int iteration = 0; iteration < 200 && high - low > 1e-10; iteration++) {
            double mid = (low + high) / 2.0;
            double crossing = crossingProbability(grid, density, sdStep, mid * sqrtT);
            if (crossing > increment) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2.0;
    }

    private static double crossingProbability(double[] grid, double[] density, double sdStep, double scoreBoundary) {
        double[] integrand = new double[GRID];
        for (int j = 0; j < GRID; j++) {
            integrand[j] = density[j] * Normal.upperTail((scoreBoundary - grid[j]) / sdStep);
        }
        return simpson(grid, integrand);
    }

    private static double[] grid(double t, double upper) {
        double lower = -LOWER_TAIL_SDS * Math.sqrt(t);
        double[] points = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            points[i] = lower + (upper - lower) * i / (GRID - 1);
        }
        return points;
    }

    private static double simpson(double[] x, double[] y) {
        double h = (x[x.length - 1] - x[0]) / (x.length - 1);
        double sum = y[0] + y[y.length - 1];
        for (int i = 1; i < y.length - 1; i++) {
            sum += (i % 2 == 1 ? 4.0 : 2.0) * y[i];
        }
        return sum * h / 3.0;
    }
}
