package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Published Lan-DeMets boundaries for 5 equally spaced looks, one-sided alpha 0.025 (as tabulated by the
 * ldbounds and gsDesign packages): O'Brien-Fleming-type 4.877, 3.357, 2.680, 2.290, 2.031; Pocock-type
 * 2.438, 2.427, 2.410, 2.397, 2.386. Their crossing probabilities were re-checked with
 * scipy.stats.multivariate_normal (correlation sqrt(t_j/t_k)) and equal the spending function to 1e-6.
 */
class GroupSequentialBoundaryTest {
    @Test
    void obrienFlemingTypeMatchesPublishedTable() {
        double[] c = GroupSequentialBoundary.boundaries(0.025, 5, SpendingFunction.OBRIEN_FLEMING);
        assertThat(c).containsExactly(new double[] {4.877, 3.357, 2.680, 2.290, 2.031}, within(1e-3));
    }

    @Test
    void pocockTypeMatchesPublishedTable() {
        double[] c = GroupSequentialBoundary.boundaries(0.025, 5, SpendingFunction.POCOCK);
        assertThat(c).containsExactly(new double[] {2.438, 2.427, 2.410, 2.397, 2.386}, within(1e-3));
    }

    @Test
    void spendingFunctionsSpendAllOfAlphaAtTheEnd() {
        for (SpendingFunction f : SpendingFunction.values()) {
            assertThat(f.spent(0.01, 1.0)).as(f.name()).isCloseTo(0.01, within(1e-12));
        }
    }

    @Test
    void brownianPathsCrossWithProbabilityAlpha() {
        // 40,000 simulated runs of 12 looks (seed 7): crossing rate 0.05 within 4 standard errors (0.0044).
        long seed = 7;
        SplittableRandom random = new SplittableRandom(seed);
        int looks = 12;
        double[] c = GroupSequentialBoundary.boundaries(0.05, looks, SpendingFunction.POCOCK);
        int runs = 40_000;
        int crossed = 0;
        for (int run = 0; run < runs; run++) {
            double s = 0;
            for (int k = 1; k <= looks; k++) {
                s += Normal.quantile(random.nextDouble()) * Math.sqrt(1.0 / looks);
                if (s / Math.sqrt((double) k / looks) > c[k - 1]) {
                    crossed++;
                    break;
                }
            }
        }
        assertThat((double) crossed / runs).as("seed %d", seed).isCloseTo(0.05, within(0.0044));
    }
}
