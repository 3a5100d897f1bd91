package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * References computed by hand from the formulas in the class comment (Python 3 floats, math.erfc for the
 * normal tail), and for one slice the textbook pooled two-proportion z, (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2)).
 */
class StratifiedRateDifferenceTest {
    private static final long[] CANARY_GOOD = {950, 1900, 4700};
    private static final long[] CANARY_TOTAL = {1000, 2000, 5000};
    private static final long[] STABLE_GOOD = {19000, 18800, 18900};
    private static final long[] STABLE_TOTAL = {20000, 20000, 20000};

    @Test
    void oneSliceIsThePooledTwoProportionZ() {
        StratifiedRateDifference one = StratifiedRateDifference.of(
                new long[] {9850}, new long[] {10000}, new long[] {9900}, new long[] {10000}, 1, 1);

        // 9850/10000 vs 9900/10000: pooled z -3.1822291367029285; with half an event's correction 3.150406845335896
        assertThat(one.effect()).isCloseTo(-0.005, within(1e-15));
        assertThat(one.pCanaryLower()).isCloseTo(0.000815216210005589, within(1e-15));
        assertThat(Normal.upperQuantile(one.pCanaryLower())).isCloseTo(3.150406845335896, within(1e-9));
    }

    @Test
    void threeSlicesMatchTheHandComputedValues() {
        StratifiedRateDifference d =
                StratifiedRateDifference.of(CANARY_GOOD, CANARY_TOTAL, STABLE_GOOD, STABLE_TOTAL, 1, 1);

        // O = 7550, E = 950 + 1880 + 4725 = 7555, N_c = 8000, V0 = 502.59318181818213; Newcombe on sizes 8000 and
        // 42760.2982559341 (p2 = 0.944375, its variance sum n_c,t² r_t (1 - r_t) / n_s,t / N_c²)
        assertThat(d.slices()).isEqualTo(3);
        assertThat(d.baselineRateAtCanaryTimes()).isCloseTo(7555.0 / 8000, within(1e-15));
        assertThat(d.effect()).isCloseTo(-0.000625, within(1e-15));
        assertThat(d.pCanaryLower()).isCloseTo(0.42045630808084655, within(1e-12));
        assertThat(d.pCanaryHigher()).isCloseTo(0.5795436919191534, within(1e-12));
        Interval ci = d.interval(2.0);
        assertThat(ci.lower()).isCloseTo(-0.006425632479426314, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.004801117214380572, within(1e-12));
    }

    @Test
    void designEffectsWidenTheTestAndTheInterval() {
        StratifiedRateDifference d =
                StratifiedRateDifference.of(CANARY_GOOD, CANARY_TOTAL, STABLE_GOOD, STABLE_TOTAL, 2.0, 1.5);

        // V0 = 965.3989462809924; Newcombe on sizes 8000 / 2 and 28506.86550395607
        assertThat(d.pCanaryLower()).isCloseTo(0.4424224722647672, within(1e-12));
        Interval ci = d.interval(2.0);
        assertThat(ci.lower()).isCloseTo(-0.008806299975957171, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.00676916360934333, within(1e-12));
    }

    @Test
    void slicesWhereOneSideHasNoRequestsAreLeftOut() {
        StratifiedRateDifference d = StratifiedRateDifference.of(
                new long[] {0, 950, 1900, 4700, 10},
                new long[] {0, 1000, 2000, 5000, 10},
                new long[] {5000, 19000, 18800, 18900, 0},
                new long[] {6000, 20000, 20000, 20000, 0},
                1,
                1);

        assertThat(d.slices()).isEqualTo(3);
        assertThat(d.canaryRequests()).isEqualTo(8000);
        assertThat(d.pCanaryLower()).isCloseTo(0.42045630808084655, within(1e-12));
    }
}
