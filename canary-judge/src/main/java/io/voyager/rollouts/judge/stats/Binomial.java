package io.voyager.rollouts.judge.stats;

import java.util.SplittableRandom;

/**
 * Binomial and multinomial random variates from a seeded generator. Small means use inversion; large
 * means use Hoermann's BTRS transformed rejection (W. Hoermann, "The generation of binomial random
 * variates", J. Stat. Comput. Simul. 46, 1993), which is exact and costs O(1) per draw.
 */
public final class Binomial {
    private static final double INVERSION_LIMIT = 10.0;

    private Binomial() {}

    public static long sample(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - sample(random, n, 1.0 - p);
        }
        return n * p < INVERSION_LIMIT ? inversion(random, n, p) : transformedRejection(random, n, p);
    }

    /** Counts per category of n draws with the given probabilities (summing to 1), by sequential binomials. */
    public static long[] multinomial(SplittableRandom random, long n, double[] probabilities) {
        long[] counts = new long[probabilities.length];
        long left = n;
        double massLeft = 1.0;
        for (int i = 0; i < probabilities.length - 1 && left > 0; i++) {
            double conditional = massLeft <= 0 ? 0 : Math.min(1.0, probabilities[i] / massLeft);
            counts[i] = sample(random, left, conditional);
            left -= counts[i];
            massLeft -= probabilities[i];
        }
        counts[probabilities.length - 1] += left;
        return counts;
    }

    private static long inversion(SplittableRandom random, long n, double p) {
        double q = 1.0 - p;
        double ratio = p / q;
        double pmf = Math.exp(n * Math.log1p(-p));
        double u = random.nextDouble();
        long k = 0;
        while (u > pmf && k < n) {
            u -= pmf;
            pmf *= ratio * (n - k) / (k + 1.0);
            k++;
        }
        return k;
    }

    private static long transformedRejection(SplittableRandom random, long n, double p) {
        double q = 1.0 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double lpq = Math.log(p / q);
        long mode = (long) Math.floor((n + 1) * p);
        double h = SpecialFunctions.logFactorial(mode) + SpecialFunctions.logFactorial(n - mode);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2.0 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double logV = Math.log(v * alpha / (a / (us * us) + b));
            double bound =
                    h - SpecialFunctions.logFactorial(k) - SpecialFunctions.logFactorial(n - k) + (k - mode) * lpq;
            if (logV <= bound) {
                return k;
            }
        }
    }
}
