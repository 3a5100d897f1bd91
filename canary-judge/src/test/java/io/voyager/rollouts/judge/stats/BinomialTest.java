package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {
    @Test
    void largeMeanDrawsHaveBinomialMeanAndVariance() {
        // n p = 6750, n p q = 6716.25; 20,000 draws: mean within 4 SE (2.3), variance within 5%.
        long seed = 11;
        double[] moments = moments(new SplittableRandom(seed), 1_350_000, 0.005, 20_000);
        assertThat(moments[0]).as("seed %d", seed).isCloseTo(6750.0, within(2.3));
        assertThat(moments[1]).as("seed %d", seed).isCloseTo(6716.25, within(336.0));
    }

    @Test
    void smallMeanDrawsHitZeroAsOftenAsTheBinomialDoes() {
        // n = 200, p = 0.01: P(0) = 0.99^200 = 0.13398; 50,000 draws, within 4 SE (0.0061).
        long seed = 12;
        SplittableRandom random = new SplittableRandom(seed);
        int zeros = 0;
        for (int i = 0; i < 50_000; i++) {
            if (Binomial.sample(random, 200, 0.01) == 0) {
                zeros++;
            }
        }
        assertThat(zeros / 50_000.0).as("seed %d", seed).isCloseTo(Math.pow(0.99, 200), within(0.0061));
    }

    @Test
    void multinomialKeepsTheTotal() {
        long[] counts = Binomial.multinomial(new SplittableRandom(13), 1_000_000, new double[] {0.5, 0.3, 0.2});
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(1_000_000);
        assertThat(counts[2] / 1e6).isCloseTo(0.2, within(0.002));
    }

    private static double[] moments(SplittableRandom random, long n, double p, int draws) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            double x = Binomial.sample(random, n, p);
            sum += x;
            squares += x * x;
        }
        double mean = sum / draws;
        return new double[] {mean, (squares - draws * mean * mean) / (draws - 1)};
    }
}
