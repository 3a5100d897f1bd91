package io.voyager.rollouts.judge.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each side's design effect from its own pod sizes. Expected values computed independently: pooled rate
 * 450 / 40,000, X² = 24.048321393454138 over 4 stable pods, rho = (X² / 3 - 1) / (10,000 - 1).
 */
class PodDispersionTest {
    private static final long[] STABLE_FAILED = {100, 150, 80, 120};
    private static final long[] STABLE_TOTALS = {10_000, 10_000, 10_000, 10_000};
    private static final double RHO = 0.0007016808812032582;

    @Test
    void aCanaryWhosePodsDifferInSizeWeighsAsItsLargerPod() {
        // Two canary pods of 1,000 and 9,000 requests: m = (1,000² + 9,000²) / 10,000 = 8,200, not the mean 5,000.
        PodDispersion dispersion = PodDispersion.of(STABLE_FAILED, STABLE_TOTALS, 10_000, new long[] {1_000, 9_000});

        assertThat(dispersion.canaryEffect()).isCloseTo(6.753081544985514, within(1e-9));
        assertThat(dispersion.canaryEffect()).isCloseTo(1 + 8_199 * RHO, within(1e-9));
        assertThat(dispersion.baselineEffect()).isCloseTo(8.01610713115138, within(1e-9));
    }

    @Test
    void equalCanaryPodsWeighAsTheirCommonSize() {
        PodDispersion dispersion = PodDispersion.of(STABLE_FAILED, STABLE_TOTALS, 10_000, new long[] {5_000, 5_000});

        assertThat(dispersion.canaryEffect()).isCloseTo(4.507702725135088, within(1e-9));
    }

    @Test
    void aCanaryWithoutPodsCountsAsOnePod() {
        PodDispersion dispersion = PodDispersion.of(STABLE_FAILED, STABLE_TOTALS, 10_000, new long[0]);

        assertThat(dispersion.canaryEffect()).isCloseTo(dispersion.baselineEffect(), within(1e-9));
    }
}
