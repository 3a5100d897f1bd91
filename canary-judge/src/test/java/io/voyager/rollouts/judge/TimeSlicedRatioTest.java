package io.voyager.rollouts.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.RatioData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A window since the analysis started, while the canary's weight steps 5 -> 10 -> 25 -> 50% of 100,000 requests
 * per interval, and an error burst (0.5% -> 3%) hits every pod of both versions in the last interval. The canary
 * served most of its requests during the burst, so its pooled rate is worse although in every interval it is
 * exactly stable's.
 */
class TimeSlicedRatioTest {
    private static final MetricConfig ERRORS =
            MetricConfig.of("success-rate", MetricKind.RATIO, Direction.DECREASE_IS_BAD, AllowedEffect.absolute(0.001));
    private static final JudgeConfig CONFIG = JudgeConfig.withMetrics(List.of(ERRORS));
    private static final long[] CANARY = {5_000, 10_000, 25_000, 50_000};
    private static final double[] ERROR_RATE = {0.005, 0.005, 0.005, 0.03};

    @Test
    void pooledSinceStartTheSharedBurstLooksLikeTheCanarys() {
        MetricResult pooled = judge(pooled(0.0));

        // canary 1700 errors of 90,000 (1.89%) vs stable 2800 of 310,000 (0.90%)
        assertThat(pooled.label()).isEqualTo(Label.LOW);
    }

    @Test
    void sliceBySliceTheSharedBurstCancelsOut() {
        MetricResult sliced = judge(pooled(0.0).withSlices(slices(0.0)));

        assertThat(sliced.label()).as(sliced.summary()).isEqualTo(Label.PASS);
        assertThat(sliced.effect()).isEqualTo(0.0);
        assertThat(sliced.summary())
                .startsWith("canary 98.11% vs stable 99.10% (+0.00 pp against stable's 98.11% at the canary's times, "
                        + "4 slices");
    }

    @Test
    void sliceBySliceACanaryWorseInEveryIntervalFails() {
        MetricResult sliced = judge(pooled(0.01).withSlices(slices(0.01)));

        assertThat(sliced.label()).as(sliced.summary()).isEqualTo(Label.LOW);
        assertThat(sliced.effect()).isCloseTo(-0.01, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static MetricResult judge(RatioData data) {
        Verdict verdict = CanaryJudge.judge(CONFIG, LookContext.look(4), Map.of(ERRORS.name(), data));
        return verdict.metrics().get(0);
    }

    private static RatioData pooled(double canaryExtraErrors) {
        double canaryGood = 0;
        double canaryTotal = 0;
        double stableGood = 0;
        double stableTotal = 0;
        for (RatioData.Slice s : slices(canaryExtraErrors)) {
            canaryGood += s.canaryGood();
            canaryTotal += s.canaryTotal();
            stableGood += s.baselineGood();
            stableTotal += s.baselineTotal();
        }
        return new RatioData(canaryGood, canaryTotal, stableGood, stableTotal);
    }

    private static List<RatioData.Slice> slices(double canaryExtraErrors) {
        List<RatioData.Slice> slices = new ArrayList<>();
        for (int t = 0; t < CANARY.length; t++) {
            long canary = CANARY[t];
            long stable = 100_000 - canary;
            slices.add(new RatioData.Slice(
                    canary * (1 - ERROR_RATE[t] - canaryExtraErrors), canary, stable * (1 - ERROR_RATE[t]), stable));
        }
        return slices;
    }
}
