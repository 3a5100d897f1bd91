package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairwiseDifferencesTest {
    @Test
    void everyOrderStatisticEqualsTheOneFromSortingAllDifferences() {
        // seed 41: 200 random sample pairs of 1..30 values, rounded to 0.1 so that ties and zero differences occur
        long seed = 41;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = sample(random, 1 + random.nextInt(30));
            double[] y = sample(random, 1 + random.nextInt(30));
            double[] all = new double[x.length * y.length];
            int i = 0;
            for (double xi : x) {
                for (double yj : y) {
                    all[i++] = xi - yj;
                }
            }
            Arrays.sort(all);
            PairwiseDifferences differences = new PairwiseDifferences(x, y);
            for (int k = 1; k <= all.length; k++) {
                assertThat(differences.kth(k))
                        .as("seed %d, trial %d, k %d", seed, trial, k)
                        .isEqualTo(all[k - 1]);
            }
        }
    }

    private static double[] sample(SplittableRandom random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.round(random.nextDouble(-5, 5) * 10) / 10.0;
        }
        return values;
    }
}
