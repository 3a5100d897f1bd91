package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Four pods with 12, 30, 18 and 25 errors in 10,000, 12,000, 9,000 and 11,000 requests. Their Pearson X² is
 * the chi-square of the 4 x 2 table (scipy.stats.chi2_contingency, correction=False: 5.0474343), so the
 * dispersion is 5.0474343 / 3 = 1.6824781; n0 = (42,000 - 446,000,000 / 42,000) / 3 = 10,460.3175;
 * rho = 0.6824781 / 10,459.3175 = 6.5250730e-5; a pod of 10,500 requests carries 1 + 10,499 rho = 1.6850674.
 */
class ClusterDispersionTest {
    private static final long[] ERRORS = {12, 30, 18, 25};
    private static final long[] TOTALS = {10_000, 12_000, 9_000, 11_000};

    @Test
    void dispersionIsTheTablesChiSquareOverItsDegreesOfFreedom() {
        assertThat(ClusterDispersion.pearsonDispersion(ERRORS, TOTALS)).isCloseTo(1.682478098979282, within(1e-12));
    }

    @Test
    void correlationAndDesignEffectFollowFromTheMeanClusterSize() {
        assertThat(ClusterDispersion.meanClusterSize(TOTALS)).isCloseTo(10_460.317460317461, within(1e-9));
        double rho = ClusterDispersion.intraClusterCorrelation(ERRORS, TOTALS);
        assertThat(rho).isCloseTo(6.525072994185296e-05, within(1e-15));
        assertThat(ClusterDispersion.designEffect(rho, 10_500)).isCloseTo(1.6850674136595143, within(1e-12));
    }

    @Test
    void podsNoMoreDifferentThanChanceNeverTightenTheTest() {
        // Identical pods: X² = 0, dispersion 0, correlation floored at 0, design effect 1.
        long[] same = {20, 20, 20};
        long[] totals = {10_000, 10_000, 10_000};
        assertThat(ClusterDispersion.pearsonDispersion(same, totals)).isZero();
        assertThat(ClusterDispersion.intraClusterCorrelation(same, totals)).isZero();
        assertThat(ClusterDispersion.designEffect(0.0, 10_000)).isEqualTo(1.0);
    }

    @Test
    void oneClusterOrNoErrorsCannotShowDispersion() {
        assertThat(ClusterDispersion.pearsonDispersion(new long[] {5}, new long[] {1_000}))
                .isEqualTo(1.0);
        assertThat(ClusterDispersion.pearsonDispersion(new long[] {0, 0}, new long[] {1_000, 2_000}))
                .isEqualTo(1.0);
        assertThat(ClusterDispersion.intraClusterCorrelation(new long[] {0, 0}, new long[] {1_000, 2_000}))
                .isZero();
        assertThat(ClusterDispersion.meanClusterSize(new long[] {1_000, 0})).isZero();
    }
}
