package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from scipy.stats.mannwhitneyu 1.17 (statistic is U of the first sample). */
class MannWhitneyTest {
    @Test
    void tieCorrectedNormalApproximationMatchesScipy() {
        // method='asymptotic', use_continuity=True: U 23.5, greater 0.06977357186265792, less 0.9517600982455208
        double[] x = {1.1, 2.2, 2.2, 3.5, 4.0, 5.1};
        double[] y = {0.5, 1.1, 2.0, 2.2, 3.0};
        MannWhitney.Result r = MannWhitney.samples(x, y);
        assertThat(r.u()).isCloseTo(23.5, within(1e-12));
        assertThat(r.pGreater()).isCloseTo(0.06977357186265792, within(1e-12));
        assertThat(r.pLess()).isCloseTo(0.9517600982455208, within(1e-12));
    }

    @Test
    void smallSamplesWithoutTiesUseTheExactDistribution() {
        // method='exact': U 33, greater 0.050699300699300696
        double[] x = {0.8, 1.9, 2.7, 3.3, 4.4, 5.6, 6.1};
        double[] y = {0.3, 1.2, 1.5, 2.1, 2.5, 3.0};
        MannWhitney.Result r = MannWhitney.samples(x, y);
        assertThat(r.u()).isCloseTo(33.0, within(1e-12));
        assertThat(r.pGreater()).isCloseTo(0.050699300699300696, within(1e-12));
    }

    @Test
    void bucketCountsAreTiesWithinEachBucket() {
        // the same data expanded to one value per request (bucket index), asymptotic with continuity:
        // U 545, greater 0.27124701482120706
        double[] canary = {5, 10, 3, 0, 2};
        double[] baseline = {20, 15, 10, 5, 0};
        MannWhitney.Result r = MannWhitney.binned(canary, baseline);
        assertThat(r.u()).isCloseTo(545.0, within(1e-9));
        assertThat(r.pGreater()).isCloseTo(0.27124701482120706, within(1e-12));
    }
}
