package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from scipy.special (gammaln, betainc) and scipy.stats.t.sf 1.17. */
class SpecialFunctionsTest {
    @Test
    void logGammaMatchesReferenceValues() {
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5723649429247, within(1e-12));
        assertThat(SpecialFunctions.logGamma(10.5)).isCloseTo(13.940625219403763, within(1e-11));
        assertThat(SpecialFunctions.logFactorial(1_000_000)).isCloseTo(12815518.384658169, within(1e-6));
    }

    @Test
    void regularizedBetaMatchesReferenceValues() {
        assertThat(SpecialFunctions.regularizedBeta(0.3, 2.5, 3.5)).isCloseTo(0.29675298929566646, within(1e-12));
        assertThat(SpecialFunctions.regularizedBeta(0.9, 50, 0.5)).isCloseTo(0.001204149832559813, within(1e-13));
    }

    @Test
    void studentTailMatchesReferenceValues() {
        assertThat(SpecialFunctions.studentUpperTail(2.1, 7)).isCloseTo(0.036935598106461326, within(1e-12));
        assertThat(SpecialFunctions.studentUpperTail(-1.3, 30)).isCloseTo(0.8982495207309416, within(1e-12));
    }

    @Test
    void studentQuantileInvertsTheTail() {
        // Closed forms: Cauchy (1 df) t = tan(pi (1/2 - tail)); 2 df t = (1 - 2 tail) / sqrt(2 tail (1 - tail)).
        assertThat(SpecialFunctions.studentUpperQuantile(0.025, 1)).isCloseTo(Math.tan(Math.PI * 0.475), within(1e-8));
        assertThat(SpecialFunctions.studentUpperQuantile(0.05, 2))
                .isCloseTo(0.9 / Math.sqrt(2 * 0.05 * 0.95), within(1e-10));
        // Table value t(0.9995, 9) = 4.780913.
        assertThat(SpecialFunctions.studentUpperQuantile(0.0005, 9)).isCloseTo(4.780913, within(1e-6));
    }
}
