package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values from scipy.stats.fisher_exact 1.17 with alternative greater / less / two-sided. */
class FisherExactTest {
    @Test
    void matchesTheTeaTastingTable() {
        // [[3, 1], [1, 3]]: greater 0.24285714285714283, less 0.9857142857142858, two-sided 0.48571428571428565
        assertThat(FisherExact.greater(3, 1, 1, 3)).isCloseTo(0.24285714285714283, within(1e-12));
        assertThat(FisherExact.less(3, 1, 1, 3)).isCloseTo(0.9857142857142858, within(1e-12));
        assertThat(FisherExact.twoSided(3, 1, 1, 3)).isCloseTo(0.48571428571428565, within(1e-12));
    }

    @Test
    void detectsSparseErrorsThatANormalTestWouldMishandle() {
        // 12 errors in 1000 canary requests vs 5 in 5000 stable ones: greater 1.1794373454378798e-06
        assertThat(FisherExact.greater(12, 988, 5, 4995)).isCloseTo(1.1794373454378798e-06, withinPercentage(1e-6));
        assertThat(FisherExact.less(12, 988, 5, 4995)).isCloseTo(0.9999999121018058, within(1e-10));
        // [[7, 93], [2, 198]]: greater 0.007443362848289248, two-sided 0.007443362848289248
        assertThat(FisherExact.greater(7, 93, 2, 198)).isCloseTo(0.007443362848289248, within(1e-12));
        assertThat(FisherExact.twoSided(7, 93, 2, 198)).isCloseTo(0.007443362848289248, within(1e-12));
    }
}
