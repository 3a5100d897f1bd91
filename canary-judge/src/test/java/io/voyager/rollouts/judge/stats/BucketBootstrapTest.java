package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketBootstrapTest {
    private static final double[] BOUNDS = GatewayLikeMetrics.LATENCY_BOUNDS;

    @Test
    void intervalForThePercentileShiftCoversTheTruthAtItsLevel() {
        // 300 seeded experiments (seed 21): canary 20,000 and baseline 100,000 requests, log-normal latency
        // (LatencyModel: median 80 ms, sigma 0.57) with the canary 10% slower. The truth is the shift of the p99
        // interpolated from the exact bucket probabilities. A 95% interval must cover it in 89%..99% of runs.
        long seed = 21;
        SplittableRandom random = new SplittableRandom(seed);
        double[] baselineP = LatencyModel.bucketProbabilities(1.0);
        double[] canaryP = LatencyModel.bucketProbabilities(1.1);
        double truth =
                HistogramQuantile.quantile(0.99, BOUNDS, canaryP) / HistogramQuantile.quantile(0.99, BOUNDS, baselineP)
                        - 1.0;
        int experiments = 300;
        int covered = 0;
        for (int i = 0; i < experiments; i++) {
            double[] canary = Counts.toDouble(Binomial.multinomial(random, 20_000, canaryP));
            double[] baseline = Counts.toDouble(Binomial.multinomial(random, 100_000, baselineP));
            Interval ci = BucketBootstrap.quantileShift(0.99, BOUNDS, canary, baseline, 200, seed + i)
                    .interval(1.959963984540054);
            if (ci.contains(truth)) {
                covered++;
            }
        }
        assertThat((double) covered / experiments)
                .as("seed %d, truth %.4f", seed, truth)
                .isBetween(0.89, 0.99);
    }

    @Test
    void sameSeedGivesTheSameInterval() {
        double[] canary = Counts.toDouble(
                Binomial.multinomial(new SplittableRandom(1), 5_000, LatencyModel.bucketProbabilities(1.0)));
        double[] baseline = Counts.toDouble(
                Binomial.multinomial(new SplittableRandom(2), 50_000, LatencyModel.bucketProbabilities(1.0)));
        BucketBootstrap.Result a = BucketBootstrap.quantileShift(0.99, BOUNDS, canary, baseline, 100, 5);
        BucketBootstrap.Result b = BucketBootstrap.quantileShift(0.99, BOUNDS, canary, baseline, 100, 5);
        assertThat(a.logStandardError()).isCloseTo(b.logStandardError(), within(0.0));
    }
}
