package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference: scipy.stats.levene(b, a, center='median') 1.17: F 11.296468629083602, p 0.004287297848129714. */
class BrownForsytheTest {
    private static final double[] STEADY = {10.1, 9.8, 10.3, 10.0, 9.9, 10.2, 10.4, 9.7};
    private static final double[] ERRATIC = {10.0, 8.5, 11.6, 9.1, 10.9, 8.8, 11.2, 10.1, 9.4};

    @Test
    void matchesLeveneCentredOnMedians() {
        BrownForsythe.Result r = BrownForsythe.test(ERRATIC, STEADY);
        assertThat(r.f()).isCloseTo(11.296468629083602, within(1e-10));
        assertThat(r.pTwoSided()).isCloseTo(0.004287297848129714, within(1e-12));
        assertThat(r.pGreater()).isCloseTo(0.004287297848129714 / 2, within(1e-12));
    }

    @Test
    void sameMedianMoreSpreadIsFlaggedAndTheReverseIsNot() {
        assertThat(BrownForsythe.test(ERRATIC, STEADY).spreadRatio()).isGreaterThan(3.0);
        assertThat(BrownForsythe.test(STEADY, ERRATIC).pGreater()).isGreaterThan(0.99);
    }
}
