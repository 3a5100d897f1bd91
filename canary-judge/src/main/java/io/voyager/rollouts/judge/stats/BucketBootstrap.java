package io.voyager.rollouts.judge.stats;

import java.util.SplittableRandom;

/**
 * The relative shift of an upper quantile between two binned samples, canary / baseline - 1, with a
 * confidence interval from a parametric bootstrap over buckets: each side's counts are redrawn from a
 * multinomial with that side's observed bucket proportions, the quantile is re-interpolated, and the
 * spread of log(quantile ratio) over the resamples gives a standard error. The interval is
 * exp(log ratio +- z * se) - 1, a normal interval on the log scale, because the sequential boundaries ask
 * for levels far beyond what a few hundred percentile resamples can resolve.
 */
public final class BucketBootstrap {
    private BucketBootstrap() {}

    public record Result(
            double canaryQuantile, double baselineQuantile, double relativeShift, double logStandardError) {
        /** The interval for the relative shift at the two-sided normal quantile z. */
        public Interval interval(double z) {
            double logRatio = Math.log1p(relativeShift);
            if (!Double.isFinite(logRatio)) {
                return Interval.UNBOUNDED;
            }
            return new Interval(
                    Math.expm1(logRatio - z * logStandardError), Math.expm1(logRatio + z * logStandardError));
        }
    }

    public static Result quantileShift(
            double q, double[] upperBounds, double[] canary, double[] baseline, int resamples, long seed) {
        double canaryQuantile = HistogramQuantile.quantile(q, upperBounds, canary);
        double baselineQuantile = HistogramQuantile.quantile(q, upperBounds, baseline);
        double shift = canaryQuantile / baselineQuantile - 1.0;
        SplittableRandom random = new SplittableRandom(seed);
        double[] canaryP = proportions(canary);
        double[] baselineP = proportions(baseline);
        long canaryN = Math.round(Counts.sum(canary));
        long baselineN = Math.round(Counts.sum(baseline));
        double sum = 0;
        double sumSquares = 0;
        int used = 0;
        for (int r = 0; r < resamples; r++) {
            double c = HistogramQuantile.quantile(
                    q, upperBounds, Counts.toDouble(Binomial.multinomial(random, canaryN, canaryP)));
            double b = HistogramQuantile.quantile(
                    q, upperBounds, Counts.toDouble(Binomial.multinomial(random, baselineN, baselineP)));
            double logRatio = Math.log(c / b);
            if (Double.isFinite(logRatio)) {
                sum += logRatio;
                sumSquares += logRatio * logRatio;
                used++;
            }
        }
        double se = used < 2
                ? Double.POSITIVE_INFINITY
                : Math.sqrt(Math.max(0.0, (sumSquares - sum * sum / used) / (used - 1)));
        return new Result(canaryQuantile, baselineQuantile, shift, se);
    }

    private static double[] proportions(double[] counts) {
        double total = Counts.sum(counts);
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = counts[i] / total;
        }
        return p;
    }
}
