package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Published values: Newcombe, "Two-sided confidence intervals for the single proportion", Stat Med 1998;
 * 17:857-872 (81/263, Wilson 95%: 0.2553 to 0.3662), and "Interval estimation for the difference between
 * independent proportions", Stat Med 1998;17:873-890, example (a) 56/70 - 48/80, method 10:
 * 0.0524 to 0.3339. Extra digits recomputed from the closed forms: 0.2552885198782742, 0.36620957698280004,
 * 0.05243147240236498, 0.33387265403690614.
 */
class ProportionIntervalTest {
    private static final double Z95 = 1.959963984540054;

    @Test
    void wilsonMatchesNewcombesExample() {
        Interval ci = ProportionInterval.wilson(81, 263, Z95);
        assertThat(ci.lower()).isCloseTo(0.2552885198782742, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.36620957698280004, within(1e-12));
    }

    @Test
    void newcombeHybridScoreMatchesPublishedExample() {
        Interval ci = ProportionInterval.newcombeDifference(56, 70, 48, 80, Z95);
        assertThat(ci.lower()).isCloseTo(0.0524, within(5e-5)).isCloseTo(0.05243147240236498, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.3339, within(5e-5)).isCloseTo(0.33387265403690614, within(1e-12));
    }

    @Test
    void wilsonStaysInsideZeroToOneForZeroEvents() {
        Interval ci = ProportionInterval.wilson(0, 50, Z95);
        assertThat(ci.lower()).isCloseTo(0.0, within(1e-15));
        assertThat(ci.upper()).isBetween(0.05, 0.08);
    }
}
