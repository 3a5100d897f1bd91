package io.voyager.rollouts.judge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.bench.LatencyDetectionCeiling.Spread;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.OpenEndedSpending;
import io.voyager.rollouts.judge.stats.SpendingFunction;
import org.junit.jupiter.api.Test;

class LatencyDetectionCeilingTest {
    private static final double ALPHA = 0.01 / 3;
    private static final int RUNS = 200_000;

    @Test
    void oneLookWithOneCanaryPodIsTheNormalTailOfTheShiftPastTheAllowedEffect() {
        TrafficProfile oneLook = new TrafficProfile(45_000, new double[] {0.05}, 30, 1, 20, 3, 0.005);
        LatencyDetectionCeiling ceiling =
                new LatencyDetectionCeiling(oneLook, 0.05, 1.25, 0.05, ALPHA, SpendingFunction.POCOCK, 0, Spread.KNOWN);
        // One canary pod against 19 stable pods: the estimate is log 1.25 + N(0, 0.05² (1 + 1/19)); it is
        // caught when it minus z se exceeds log 1.05, z at the single planned look's 90% of alpha.
        double se = 0.05 * Math.sqrt(1.0 + 1.0 / 19);
        double z = Normal.upperQuantile((1.0 - OpenEndedSpending.OVERRUN_SHARE) * ALPHA);
        double expected = Normal.cdf((Math.log(1.25) - Math.log(1.05)) / se - z);
        assertThat(expected).isCloseTo(0.7425, within(0.001));
        assertThat(ceiling.caughtWithin(1, RUNS, 7)).isCloseTo(expected, within(0.004));
    }

    @Test
    void estimatingTheSpreadFromNineteenStablePodsIsTheNoncentralTTail() {
        TrafficProfile oneLook = new TrafficProfile(45_000, new double[] {0.05}, 30, 1, 20, 3, 0.005);
        LatencyDetectionCeiling ceiling = new LatencyDetectionCeiling(
                oneLook, 0.05, 1.25, 0.05, ALPHA, SpendingFunction.POCOCK, 0, Spread.FROM_STABLE_PODS);
        // The statistic (estimate - log 1.05) / (s sqrt(1 + 1/19)), s the sample sd of 19 stable pods, is
        // noncentral t on 18 df with noncentrality delta = (log 1.25 - log 1.05) / (0.05 sqrt(1 + 1/19)). Its tail
        // past t* is E[Phi(delta - t* sqrt(V / 18))], V chi-square on 18 df: integrated here with Simpson's rule
        // over V's density, V^8 e^(-V/2) / (2^9 8!).
        double delta = (Math.log(1.25) - Math.log(1.05)) / (0.05 * Math.sqrt(1.0 + 1.0 / 19));
        double tStar = 3.1135; // the upper 0.003 point (90% of alpha 0.01/3) of t on 18 df, from tables
        int intervals = 20_000;
        double width = 120.0 / intervals;
        double expected = 0;
        for (int i = 0; i <= intervals; i++) {
            double v = i * width;
            double density = Math.pow(v, 8) * Math.exp(-v / 2) / (512.0 * 40_320.0);
            double weight = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            expected += weight * density * Normal.cdf(delta - tStar * Math.sqrt(v / 18));
        }
        expected *= width / 3;
        assertThat(expected).isCloseTo(0.6157, within(0.001)); // scipy.stats.nct.sf(3.1135, 18, delta)
        assertThat(ceiling.caughtWithin(1, RUNS, 5)).isCloseTo(expected, within(0.005));
    }

    @Test
    void anUnchangedCanaryIsFailedNoMoreOftenThanTheLatencyTestsAlpha() {
        for (Spread spread : Spread.values()) {
            LatencyDetectionCeiling aa = new LatencyDetectionCeiling(
                    TrafficProfile.blackFriday(), 0.05, 1.0, 0.0, ALPHA, SpendingFunction.POCOCK, 0, spread);
            double failed = aa.caughtWithin(3, RUNS, 11);
            assertThat(failed).as(spread.name()).isGreaterThan(0.0).isLessThan(ALPHA + 3 * Math.sqrt(ALPHA / RUNS));
        }
    }

    @Test
    void pastTheWarmUpAndTheAllowedEffectLessIsCaughtAndMoreSpreadCatchesLess() {
        TrafficProfile rollout = TrafficProfile.blackFriday();
        double judged = new LatencyDetectionCeiling(
                        rollout, 0.05, 1.25, 0.05, ALPHA, SpendingFunction.POCOCK, 1, Spread.KNOWN)
                .caughtWithin(2, RUNS, 3);
        double noAllowance = new LatencyDetectionCeiling(
                        rollout, 0.05, 1.25, 0.0, ALPHA, SpendingFunction.POCOCK, 1, Spread.KNOWN)
                .caughtWithin(2, RUNS, 3);
        double wider = new LatencyDetectionCeiling(
                        rollout, 0.10, 1.25, 0.05, ALPHA, SpendingFunction.POCOCK, 1, Spread.KNOWN)
                .caughtWithin(2, RUNS, 3);
        double identicalPods = new LatencyDetectionCeiling(
                        rollout, 1e-9, 1.25, 0.05, ALPHA, SpendingFunction.POCOCK, 1, Spread.KNOWN)
                .caughtWithin(2, RUNS, 3);
        assertThat(noAllowance).isGreaterThan(judged);
        assertThat(wider).isLessThan(judged);
        assertThat(identicalPods).isEqualTo(1.0);
    }
}
