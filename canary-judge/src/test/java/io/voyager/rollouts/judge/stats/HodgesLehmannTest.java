package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference computed independently in Python: the exact null distribution of U by enumerating all
 * C(13, 7) = 1716 rank sets, then the interval [D(k), D(mn+1-k)] of the sorted differences with the
 * largest k such that P(U <= k-1) <= tail (R's wilcox.test rule). For these samples: estimate 1.7;
 * tail 0.025 gives k = 7 and (-0.4, 4.1); tail 0.05 gives k = 9 and (-0.2, 3.6).
 */
class HodgesLehmannTest {
    private static final double[] X = {0.8, 1.9, 2.7, 3.3, 4.4, 5.6, 6.1};
    private static final double[] Y = {0.3, 1.2, 1.5, 2.1, 2.5, 3.0};

    @Test
    void estimateIsTheMedianPairwiseDifference() {
        assertThat(HodgesLehmann.shift(X, Y, 0.025).estimate()).isCloseTo(1.7, within(1e-12));
    }

    @Test
    void exactIntervalMatchesEnumeratedDistribution() {
        Interval ci95 = HodgesLehmann.shift(X, Y, 0.025).interval();
        assertThat(ci95.lower()).isCloseTo(-0.4, within(1e-12));
        assertThat(ci95.upper()).isCloseTo(4.1, within(1e-12));
        Interval ci90 = HodgesLehmann.shift(X, Y, 0.05).interval();
        assertThat(ci90.lower()).isCloseTo(-0.2, within(1e-12));
        assertThat(ci90.upper()).isCloseTo(3.6, within(1e-12));
    }

    @Test
    void intervalIsUnboundedWhenTheSamplesCannotReachTheLevel() {
        // 3 vs 3 points: the smallest one-sided p-value is 1/20, so no 99% interval exists.
        Interval ci = HodgesLehmann.shift(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.005)
                .interval();
        assertThat(ci).isEqualTo(Interval.UNBOUNDED);
    }
}
