package io.voyager.rollouts.judge.stats;

import java.util.Arrays;

/**
 * The Brown-Forsythe test for a difference in spread between two samples: a t-test on the absolute
 * deviations from each sample's median (Levene's test centred on medians). With two groups its F equals
 * the square of this t, so the two-sided p-value matches {@code scipy.stats.levene(center='median')};
 * the signed t also gives the one-sided p-value that "x is more spread out than y".
 */
public final class BrownForsythe {
    private BrownForsythe() {}

    /** spreadRatio = mean absolute deviation of x / that of y. */
    public record Result(double t, double degreesOfFreedom, double pGreater, double pTwoSided, double spreadRatio) {
        public double f() {
            return t * t;
        }
    }

    public static Result test(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values");
        }
        double[] dx = absoluteDeviations(x);
        double[] dy = absoluteDeviations(y);
        double mx = mean(dx);
        double my = mean(dy);
        double pooledSquares = sumOfSquares(dx, mx) + sumOfSquares(dy, my);
        double df = x.length + y.length - 2.0;
        double se = Math.sqrt(pooledSquares / df * (1.0 / x.length + 1.0 / y.length));
        double ratio = my == 0 ? (mx == 0 ? 1.0 : Double.POSITIVE_INFINITY) : mx / my;
        if (se == 0) {
            double t = mx == my ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, mx - my);
            double p = t > 0 ? 0.0 : 1.0;
            return new Result(t, df, p, t == 0 ? 1.0 : 0.0, ratio);
        }
        double t = (mx - my) / se;
        double upper = SpecialFunctions.studentUpperTail(t, df);
        double twoSided = 2.0 * SpecialFunctions.studentUpperTail(Math.abs(t), df);
        return new Result(t, df, upper, Math.min(1.0, twoSided), ratio);
    }

    private static double[] absoluteDeviations(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = HodgesLehmann.median(sorted);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return deviations;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sumOfSquares(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
