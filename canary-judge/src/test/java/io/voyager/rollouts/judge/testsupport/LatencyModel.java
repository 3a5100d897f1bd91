package io.voyager.rollouts.judge.testsupport;

import io.voyager.rollouts.judge.stats.Normal;

/**
 * The gateway's latency as a log-normal distribution (median 80 ms, sigma 0.57, so p99 is about 300 ms)
 * and its probabilities per histogram bucket. A slowdown factor scales every request, so it moves p99 by
 * the same factor.
 */
public final class LatencyModel {
    public static final double MEDIAN_SECONDS = 0.08;
    public static final double SIGMA = 0.57;

    private LatencyModel() {}

    public static double[] bucketProbabilities(double slowdown) {
        double[] bounds = GatewayLikeMetrics.LATENCY_BOUNDS;
        double mu = Math.log(MEDIAN_SECONDS * slowdown);
        double[] p = new double[bounds.length];
        double below = 0;
        for (int i = 0; i < bounds.length; i++) {
            double cdf = Double.isInfinite(bounds[i]) ? 1.0 : Normal.cdf((Math.log(bounds[i]) - mu) / SIGMA);
            p[i] = cdf - below;
            below = cdf;
        }
        return p;
    }

    /** Expected cumulative bucket counts for n requests, as increase() over a window would return them. */
    public static double[] expectedCumulative(double n, double slowdown) {
        double[] p = bucketProbabilities(slowdown);
        double[] cumulative = new double[p.length];
        double running = 0;
        for (int i = 0; i < p.length; i++) {
            running += p[i] * n;
            cumulative[i] = running;
        }
        return cumulative;
    }

    public static double[] cumulative(long[] perBucket) {
        double[] cumulative = new double[perBucket.length];
        double running = 0;
        for (int i = 0; i < perBucket.length; i++) {
            running += perBucket[i];
            cumulative[i] = running;
        }
        return cumulative;
    }
}
