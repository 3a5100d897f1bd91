package io.voyager.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

    private final TrafficSplit split = new TrafficSplit(
            List.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2")), new int[] {95, 5});

    @Test
    void givesEachTargetItsExactShareOfEveryHundredRequests() {
        for (long window = 0; window < 10; window++) {
            int canary = 0;
            for (long i = window * 100; i < (window + 1) * 100; i++) {
                canary += split.targetIndexFor(i);
            }
            assertThat(canary).as("canary requests in window %d", window).isEqualTo(5);
        }
    }

    @Test
    void spreadsTheCanaryShareInsteadOfSendingItInOneBurst() {
        long firstCanary = -1;
        long secondCanary = -1;
        for (long i = 0; i < 100 && secondCanary < 0; i++) {
            if (split.targetIndexFor(i) == 1) {
                if (firstCanary < 0) {
                    firstCanary = i;
                } else {
                    secondCanary = i;
                }
            }
        }
        assertThat(secondCanary - firstCanary).isGreaterThan(1);
    }

    @Test
    void newWeightsApplyToTheNextRequest() {
        split.setWeights(0, 100);
        assertThat(split.targetIndexFor(0)).isEqualTo(1);
        assertThat(split.targetIndexFor(99)).isEqualTo(1);
        split.setWeights(100, 0);
        assertThat(split.targetIndexFor(42)).isZero();
    }

    @Test
    void refusesWeightsThatSendNowhere() {
        assertThatThrownBy(() -> split.setWeights(0, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> split.setWeights(-1, 101)).hasMessageContaining("negative");
        assertThatThrownBy(() -> split.setWeights(100)).hasMessageContaining("need 2 weights");
    }
}
