package io.voyager.rollouts.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.stats.Binomial;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Repeated looks at an unchanged canary: with alpha spending the share of runs failed at any of the 12
 * looks stays at alpha, where testing each look at alpha would fail several times as many. The allowed
 * effect is 0 here so that only the sequential boundary protects the run.
 */
class SequentialSafetyTest {
    private static final int RUNS = 4_000;
    private static final int LOOKS = 12;
    private static final MetricConfig ERRORS =
            MetricConfig.of("success-rate", MetricKind.RATIO, Direction.DECREASE_IS_BAD, AllowedEffect.absolute(0.0));

    @Test
    void falseFailureRateOverAWholeRunStaysAtAlpha() {
        long seed = 51;
        JudgeConfig config =
                JudgeConfig.withMetrics(List.of(ERRORS)).withAlpha(0.05).withPlannedLooks(LOOKS);
        double rate = falseFailureRate(config, seed);
        // 4,000 runs: standard error 0.0034, tolerance 3.5 of them.
        assertThat(rate).as("seed %d", seed).isCloseTo(0.05, within(0.012));
    }

    @Test
    void judgingHarmOnTheFirstFewHundredRequestsKeepsTheFalseFailureRate() {
        long seed = 53;
        // The canary's first looks hold 60, 200 and 400 requests, under the 500 a pass needs; a regression
        // may already be declared on them. The sequential boundary still holds the run at alpha.
        JudgeConfig config =
                JudgeConfig.withMetrics(List.of(ERRORS)).withAlpha(0.05).withPlannedLooks(LOOKS);
        double rate = falseFailureRate(config, seed, new long[] {60, 140, 200});
        assertThat(rate).as("seed %d", seed).isLessThan(0.05 + 0.012);
    }

    @Test
    void runsThatLookThreeTimesMoreThanPlannedStillStayAtAlpha() {
        long seed = 54;
        // A paused or slow rollout goes on measuring: 36 looks where 12 were planned. The looks after the
        // twelfth spend from a series that never runs out, so the run as a whole stays at alpha.
        JudgeConfig config =
                JudgeConfig.withMetrics(List.of(ERRORS)).withAlpha(0.05).withPlannedLooks(LOOKS);
        double rate = falseFailureRate(config, seed, new long[0], 3 * LOOKS, 2_000);
        // 2,000 runs: standard error 0.0049 at 0.05, tolerance 2.5 of them above alpha.
        assertThat(rate).as("seed %d", seed).isLessThan(0.05 + 0.012);
    }

    @Test
    void testingEveryLookAtAlphaWouldFailFarMoreRuns() {
        long seed = 52;
        // Each of the 12 looks judged as if it were the only one: no spending across looks.
        JudgeConfig naive =
                JudgeConfig.withMetrics(List.of(ERRORS)).withAlpha(0.05).withPlannedLooks(1);
        assertThat(falseFailureRate(naive, seed, new long[0], LOOKS, RUNS, true))
                .as("seed %d", seed)
                .isGreaterThan(0.12);
    }

    private static double falseFailureRate(JudgeConfig config, long seed) {
        return falseFailureRate(config, seed, new long[0]);
    }

    /** {@code firstLooks}: canary requests added at the first looks; 5,000 per look after them. */
    private static double falseFailureRate(JudgeConfig config, long seed, long[] firstLooks) {
        return falseFailureRate(config, seed, firstLooks, LOOKS, RUNS, false);
    }

    private static double falseFailureRate(JudgeConfig config, long seed, long[] firstLooks, int looks, int runs) {
        return falseFailureRate(config, seed, firstLooks, looks, runs, false);
    }

    /** {@code everyLookAsFirst}: each look is judged as look 1, the naive repeated test. */
    private static double falseFailureRate(
            JudgeConfig config, long seed, long[] firstLooks, int looks, int runs, boolean everyLookAsFirst) {
        SplittableRandom random = new SplittableRandom(seed);
        int failed = 0;
        for (int run = 0; run < runs; run++) {
            long canaryTotal = 0;
            long canaryGood = 0;
            long stableTotal = 0;
            long stableGood = 0;
            for (int look = 1; look <= looks; look++) {
                int added = look <= firstLooks.length ? (int) firstLooks[look - 1] : 5_000;
                canaryTotal += added;
                canaryGood += Binomial.sample(random, added, 0.99);
                stableTotal += 50_000;
                stableGood += Binomial.sample(random, 50_000, 0.99);
                Verdict verdict = CanaryJudge.judge(
                        config,
                        LookContext.look(everyLookAsFirst ? 1 : look),
                        Map.of("success-rate", new RatioData(canaryGood, canaryTotal, stableGood, stableTotal)));
                if (verdict.phase() == Phase.FAILED) {
                    failed++;
                    break;
                }
            }
        }
        return (double) failed / runs;
    }
}
