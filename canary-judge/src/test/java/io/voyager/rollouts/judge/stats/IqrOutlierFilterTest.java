package io.voyager.rollouts.judge.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IqrOutlierFilterTest {
    @Test
    void dropsAPointFarBeyondThreeInterquartileRanges() {
        double[] values = IntStream.rangeClosed(1, 20).mapToDouble(i -> i).toArray();
        double[] withSpike = java.util.Arrays.copyOf(values, 21);
        withSpike[20] = 1000;
        // Q1 5.75, Q3 15.25 (type 7), fence 15.25 + 3 * 9.5 = 43.75
        assertThat(IqrOutlierFilter.filter(withSpike, 3.0, 0.01)).containsExactly(values);
    }

    @Test
    void keepsEverythingWhenNothingIsExtreme() {
        double[] values = {4, 5, 6, 5, 4, 6, 5};
        assertThat(IqrOutlierFilter.filter(values, 3.0, 0.01)).containsExactly(values);
    }
}
