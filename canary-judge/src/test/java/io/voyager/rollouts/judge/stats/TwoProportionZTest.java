package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference: scipy.stats.chi2_contingency(correction=True) 1.17 (Yates), whose chi-square is z squared:
 * 9850/10000 vs 9900/10000 gives chi2 9.725569620253165 (|z| 3.1185845539688617, two-sided p 0.0018172199241560246);
 * 480/500 vs 470/500 gives chi2 1.705263157894737 (|z| 1.305857250198021).
 */
class TwoProportionZTest {
    @Test
    void matchesYatesCorrectedChiSquare() {
        assertThat(TwoProportionZ.z(9850, 10000, 9900, 10000)).isCloseTo(-3.1185845539688617, within(1e-12));
        assertThat(TwoProportionZ.z(480, 500, 470, 500)).isCloseTo(1.305857250198021, within(1e-12));
        assertThat(2 * Normal.cdf(TwoProportionZ.z(9850, 10000, 9900, 10000)))
                .isCloseTo(0.0018172199241560246, within(1e-14));
    }

    @Test
    void correctionNeverFlipsTheSign() {
        assertThat(TwoProportionZ.z(500, 1000, 500, 1000)).isZero();
        assertThat(TwoProportionZ.z(500, 1000, 501, 1001)).isZero();
    }
}
