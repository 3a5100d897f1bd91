package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The planned looks keep the published Lan-DeMets boundaries (for 0.9 alpha), and the looks after them draw
 * on a series that never runs out, so no run can spend more than alpha whatever its number of looks.
 */
class OpenEndedSpendingTest {
    private static final double KEPT = 1.0 - OpenEndedSpending.OVERRUN_SHARE;

    @Test
    void plannedLooksUseThePublishedBoundariesForTheirShareOfAlpha() {
        // One-sided 0.025 over 5 looks (ldbounds / gsDesign): Pocock-type and O'Brien-Fleming-type.
        double alpha = 0.025 / KEPT;
        double[] pocock = {2.438, 2.427, 2.410, 2.397, 2.386};
        double[] obrienFleming = {4.877, 3.357, 2.680, 2.290, 2.031};
        for (int look = 1; look <= 5; look++) {
            assertThat(z(OpenEndedSpending.at(alpha, look, 5, SpendingFunction.POCOCK)))
                    .as("Pocock look %d", look)
                    .isCloseTo(pocock[look - 1], within(1e-3));
            assertThat(z(OpenEndedSpending.at(alpha, look, 5, SpendingFunction.OBRIEN_FLEMING)))
                    .as("O'Brien-Fleming look %d", look)
                    .isCloseTo(obrienFleming[look - 1], within(1e-3));
        }
    }

    @Test
    void aLookSpendsTheSpendingFunctionsIncrement() {
        // alpha 0.01, 12 planned looks, Pocock: 0.009 ln(1 + (e - 1) / 12) = 0.0012044046 at look 1;
        // look 13, the first overrun: 0.001 * 12 / (12 * 13) = 7.6923e-5.
        OpenEndedSpending.LookLevel first = OpenEndedSpending.at(0.01, 1, 12, SpendingFunction.POCOCK);
        assertThat(first.spent()).isCloseTo(0.0012044046, within(1e-10));
        assertThat(first.overrun()).isFalse();
        OpenEndedSpending.LookLevel overrun = OpenEndedSpending.at(0.01, 13, 12, SpendingFunction.POCOCK);
        assertThat(overrun.overrun()).isTrue();
        assertThat(overrun.spent()).isCloseTo(7.6923077e-5, within(1e-12));
        assertThat(overrun.nominal())
                .as("an overrun look is tested at its own share")
                .isEqualTo(overrun.spent());
    }

    @Test
    void noNumberOfLooksSpendsMoreThanAlpha() {
        for (SpendingFunction spending : SpendingFunction.values()) {
            double sum = 0;
            for (int look = 1; look <= 10_000; look++) {
                OpenEndedSpending.LookLevel level = OpenEndedSpending.at(0.01, look, 12, spending);
                assertThat(level.nominal()).as("%s look %d", spending, look).isGreaterThan(0);
                sum += level.spent();
                assertThat(OpenEndedSpending.spentBy(0.01, look, 12, spending))
                        .as("%s spent by look %d", spending, look)
                        .isCloseTo(sum, within(1e-12))
                        .isLessThan(0.01);
            }
            // 0.009 + 0.001 (1 - 12/10,000)
            assertThat(sum).as(spending.name()).isCloseTo(0.0099988, within(1e-9));
        }
    }

    @Test
    void brownianPathsLookedAtThreeTimesMoreThanPlannedCrossAtMostAlpha() {
        // 20,000 simulated unchanged canaries (seed 11), 36 looks of equal information where 12 were planned.
        // Planned looks cross with 0.9 alpha = 0.045; the 24 overrun looks add at most 0.005 * (1 - 12/36).
        long seed = 11;
        SplittableRandom random = new SplittableRandom(seed);
        double alpha = 0.05;
        int planned = 12;
        int looks = 36;
        double[] c = new double[looks];
        for (int k = 1; k <= looks; k++) {
            c[k - 1] = z(OpenEndedSpending.at(alpha, k, planned, SpendingFunction.POCOCK));
        }
        int runs = 20_000;
        int crossed = 0;
        for (int run = 0; run < runs; run++) {
            double s = 0;
            for (int k = 1; k <= looks; k++) {
                s += Normal.quantile(random.nextDouble());
                if (s / Math.sqrt(k) > c[k - 1]) {
                    crossed++;
                    break;
                }
            }
        }
        // Standard error at 0.047 is 0.0015; four of them either side.
        assertThat((double) crossed / runs).as("seed %d", seed).isBetween(0.039, 0.0535);
    }

    private static double z(OpenEndedSpending.LookLevel level) {
        return Normal.upperQuantile(level.nominal());
    }
}
