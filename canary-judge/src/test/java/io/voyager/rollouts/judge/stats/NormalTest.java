package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values from scipy.stats.norm 1.17 (cdf, sf, ppf, isf), quoted to the digits shown. */
class NormalTest {
    @Test
    void cdfMatchesReferenceValues() {
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(Normal.cdf(-2.5)).isCloseTo(0.006209665325776132, within(1e-15));
        assertThat(Normal.cdf(0.0)).isCloseTo(0.5, within(1e-16));
    }

    @Test
    void upperTailKeepsRelativePrecisionFarOut() {
        // sf(5) = 2.866515718791933e-07, sf(8) = 6.22096057427174e-16
        assertThat(Normal.upperTail(5.0)).isCloseTo(2.866515718791933e-07, withinPercentage(1e-9));
        assertThat(Normal.upperTail(8.0)).isCloseTo(6.22096057427174e-16, withinPercentage(1e-9));
    }

    @Test
    void quantileInvertsTheCdf() {
        // ppf(0.975) = 1.959963984540054, isf(1e-10) = 6.361340902404056
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Normal.upperQuantile(1e-10)).isCloseTo(6.361340902404056, within(1e-10));
        assertThat(Normal.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-12));
    }
}
