package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Worked by hand with Prometheus' histogram_quantile rules: buckets le 0.1, 0.2, 0.5, +Inf holding
 * 50, 30, 15, 5 requests (cumulative 50, 80, 95, 100).
 */
class HistogramQuantileTest {
    private static final double[] BOUNDS = {0.1, 0.2, 0.5, Double.POSITIVE_INFINITY};
    private static final double[] COUNTS = {50, 30, 15, 5};

    @Test
    void interpolatesLinearlyInsideTheBucket() {
        // rank 90 falls in (0.2, 0.5] at 10 of 15: 0.2 + 0.3 * 10 / 15 = 0.4
        assertThat(HistogramQuantile.quantile(0.9, BOUNDS, COUNTS)).isCloseTo(0.4, within(1e-12));
        // rank 50 closes the first bucket, which starts at 0: 0.1
        assertThat(HistogramQuantile.quantile(0.5, BOUNDS, COUNTS)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void rankInTheInfBucketReturnsTheHighestFiniteBound() {
        assertThat(HistogramQuantile.quantile(0.99, BOUNDS, COUNTS)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void countAboveInterpolatesTheSameWay() {
        // 15 * (0.5 - 0.35) / 0.3 + 5 = 12.5
        assertThat(HistogramQuantile.countAbove(0.35, BOUNDS, COUNTS)).isCloseTo(12.5, within(1e-12));
        assertThat(HistogramQuantile.countAbove(0.5, BOUNDS, COUNTS)).isCloseTo(5.0, within(1e-12));
    }
}
