package io.voyager.rollouts.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.data.SeriesData;
import io.voyager.rollouts.judge.data.Unavailable;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanaryJudgeTest {
    private static final JudgeConfig GATEWAY = GatewayLikeMetrics.config();
    private static final double[] BOUNDS = GatewayLikeMetrics.LATENCY_BOUNDS;

    @Test
    void healthyCanaryIsSuccessfulWithFullScore() {
        Verdict verdict = judge(GATEWAY, 1, success(60_000, 0.995, 1_000_000, 0.995), latency(60_000, 1.0, 1_000_000));
        assertThat(verdict.phase()).isEqualTo(Phase.SUCCESSFUL);
        assertThat(verdict.score()).isEqualTo(100.0);
        assertThat(verdict.message())
                .startsWith("success-rate: canary 99.50% vs stable 99.50% (+0.00 pp")
                // At the first look, what the look spent is all the run has spent.
                .containsPattern(
                        "PASSED \\(score 100; look 1 of 12 planned: alpha (\\S+) spent, \\1 so far of family-wise"
                                + " 0\\.010 over 2 metrics\\)$");
    }

    @Test
    void errorRegressionFailsAtOnceAndSaysWhyInOneSentence() {
        Verdict verdict = judge(GATEWAY, 3, success(60_000, 0.971, 1_000_000, 0.996), latency(60_000, 1.0, 1_000_000));
        assertThat(verdict.phase()).isEqualTo(Phase.FAILED);
        assertThat(verdict.score()).isZero();
        assertThat(verdict.message())
                .matches(
                        "success-rate: canary 97\\.10% vs stable 99\\.60% \\(\u22122\\.50 pp, 99\\.\\d+% CI \u22122\\.\\d\\d\\.\\.\u22122\\.\\d\\d\\)"
                                + ", guardrail >= 98\\.0% breached FAILED \\(score 0; look 3 of \\d+ planned: alpha .+\\)");
    }

    @Test
    void totalFailureFailsAtTheFirstLookEvenWithoutAStableBaseline() {
        Verdict verdict = judge(GATEWAY, 1, success(2_000, 0.0, 0, 0), latency(2_000, 1.0, 0));
        assertThat(verdict.phase()).isEqualTo(Phase.FAILED);
        assertThat(verdict.metrics().get(0).guardrailBreached()).isTrue();
        assertThat(verdict.message()).contains("stable n=0 < 500, guardrail only");
    }

    @Test
    void baselineWithoutDataFallsBackToGuardrails() {
        Verdict verdict = judge(GATEWAY, 2, success(60_000, 0.995, 0, 0), latency(60_000, 1.0, 0));
        assertThat(verdict.phase()).isEqualTo(Phase.SUCCESSFUL);
        assertThat(verdict.metrics()).allSatisfy(m -> assertThat(m.summary()).contains("guardrail only"));
    }

    @Test
    void tooLittleDataIsInconclusiveAndShowsTheCounts() {
        Verdict verdict = judge(GATEWAY, 1, success(120, 0.995, 40_000, 0.995), latency(120, 1.0, 40_000));
        assertThat(verdict.phase()).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(verdict.message())
                .startsWith("2 of 2 metrics without enough data")
                .contains("canary n=120 < 500 requests");
    }

    @Test
    void aBrokenCanaryFailsOnFewerRequestsThanAPassNeeds() {
        // The 2023 incident at 5% of a quiet hour: 150 canary requests, a quarter of them failing.
        Verdict verdict = judge(GATEWAY, 1, success(150, 0.77, 40_000, 0.998), latency(150, 1.0, 40_000));
        assertThat(verdict.phase()).isEqualTo(Phase.FAILED);
        assertThat(verdict.metrics().get(0).label()).isEqualTo(Label.LOW);
        assertThat(verdict.message())
                .contains("canary 77.33% vs stable 99.80%")
                .contains("[canary n=150 < 500: enough to show harm, too few to show safety]");
        assertThat(verdict.metrics().get(1).label())
                .as("latency on 150 requests")
                .isEqualTo(Label.NO_DATA);
    }

    @Test
    void fewRequestsNeverPassAndTooFewAreNotJudgedAtAll() {
        Verdict healthy = judge(GATEWAY, 1, success(400, 0.998, 40_000, 0.998), latency(400, 1.0, 40_000));
        assertThat(healthy.phase()).isEqualTo(Phase.INCONCLUSIVE);
        // A one-point drop is real harm, but on 400 requests only a guardrail breach may fail: no verdict yet.
        Verdict subtle = judge(GATEWAY, 1, success(400, 0.988, 40_000, 0.998), latency(400, 1.0, 40_000));
        assertThat(subtle.phase()).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(subtle.message()).contains("canary n=400 < 500 requests");
        // Two errors in a new pod's first 60 requests against a spotless stable: "significant" for Fisher's
        // test, but a burst, not a broken canary.
        Verdict burst = judge(GATEWAY, 1, success(60, 58.0 / 60, 40_000, 1.0), latency(60, 1.0, 40_000));
        assertThat(burst.phase()).isEqualTo(Phase.INCONCLUSIVE);
        // A canary at 98.5% shows 46 of 50 or worse by chance in 1 run of 150: on so few requests the guardrail
        // needs the look's sequential confidence, not just the run's alpha.
        Verdict unlucky = judge(GATEWAY, 1, success(50, 0.92, 40_000, 0.985), latency(50, 1.0, 40_000));
        assertThat(unlucky.phase()).isEqualTo(Phase.INCONCLUSIVE);
        // Below a tenth of the minimum even total failure is left to the next look: a new pod's first errors
        // come in bursts, not as independent draws.
        Verdict handful = judge(GATEWAY, 1, success(40, 0.0, 40_000, 0.998), latency(40, 1.0, 40_000));
        assertThat(handful.phase()).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(handful.message()).contains("canary n=40 < 500 requests");
    }

    @Test
    void latencyStillInItsPodsWarmUpWaitsWithoutMakingTheLookInconclusive() {
        // 60,000 canary requests, all but 200 of them served in the canary pod's first seconds and left out.
        HistogramData warming = latency(200, 1.0, 1_000_000).withCanaryWarmingUp(59_800);
        Verdict verdict = judge(GATEWAY, 1, success(60_000, 0.995, 1_000_000, 0.995), warming);

        assertThat(verdict.metrics().get(1).label()).isEqualTo(Label.WAITING);
        assertThat(verdict.phase()).isEqualTo(Phase.SUCCESSFUL);
        assertThat(verdict.score()).isEqualTo(100.0);
        assertThat(verdict.message())
                .contains("latency: canary n=200 < 500 requests after warm-up (59800 in its pods' warm-up): "
                        + "compared once warm [Waiting]");
        // The same few requests without a warm-up behind them are too little data, as ever.
        Verdict thin = judge(GATEWAY, 1, success(60_000, 0.995, 1_000_000, 0.995), latency(200, 1.0, 1_000_000));
        assertThat(thin.metrics().get(1).label()).isEqualTo(Label.NO_DATA);
        assertThat(thin.phase()).isEqualTo(Phase.INCONCLUSIVE);
    }

    @Test
    void aLookWithEveryMetricWaitingOrWithoutDataIsInconclusive() {
        HistogramData warming = latency(0, 1.0, 1_000_000).withCanaryWarmingUp(3_000);
        Verdict verdict = judge(GATEWAY, 1, success(40, 1.0, 1_000_000, 0.995), warming);

        assertThat(verdict.metrics()).extracting(MetricResult::label).containsExactly(Label.NO_DATA, Label.WAITING);
        assertThat(verdict.phase()).isEqualTo(Phase.INCONCLUSIVE);
    }

    @Test
    void aGuardrailStableBreaksTooIsNotTheCanarysAndTheComparisonDecides() {
        // An error burst on every pod: 97.0% on both sides, below the 98% guardrail.
        Verdict burst = judge(GATEWAY, 2, success(60_000, 0.970, 1_000_000, 0.970), latency(60_000, 1.0, 1_000_000));
        assertThat(burst.phase()).isEqualTo(Phase.SUCCESSFUL);
        assertThat(burst.metrics().get(0).guardrailBreached()).isFalse();
        assertThat(burst.message()).contains("guardrail >= 98.0% breached by stable too: not the canary's");
        // A canary that is worse than a breaching stable still fails, on the comparison.
        Verdict worse = judge(GATEWAY, 2, success(60_000, 0.930, 1_000_000, 0.970), latency(60_000, 1.0, 1_000_000));
        assertThat(worse.phase()).isEqualTo(Phase.FAILED);
        assertThat(worse.metrics().get(0).label()).isEqualTo(Label.LOW);
        // The same canary against a healthy stable breaks the guardrail itself.
        Verdict alone = judge(GATEWAY, 2, success(60_000, 0.970, 1_000_000, 0.995), latency(60_000, 1.0, 1_000_000));
        assertThat(alone.metrics().get(0).guardrailBreached()).isTrue();
    }

    @Test
    void aLatencyLimitStableBreaksTooIsNotTheCanarys() {
        // Every pod slow (a processor slowing down for everyone): p99 over 500 ms on both sides alike.
        HistogramData slowEverywhere = new HistogramData(
                BOUNDS, LatencyModel.expectedCumulative(60_000, 3.0), LatencyModel.expectedCumulative(1_000_000, 3.0));
        Verdict verdict = judge(GATEWAY, 2, success(60_000, 0.995, 1_000_000, 0.995), slowEverywhere);

        assertThat(verdict.metrics().get(1).guardrailBreached()).isFalse();
        assertThat(verdict.metrics().get(1).label()).isEqualTo(Label.PASS);
        assertThat(verdict.metrics().get(1).summary()).contains("breached by stable too");
        HistogramData slowCanary = latency(60_000, 3.0, 1_000_000);
        assertThat(judge(GATEWAY, 2, success(60_000, 0.995, 1_000_000, 0.995), slowCanary)
                        .metrics()
                        .get(1)
                        .guardrailBreached())
                .isTrue();
    }

    @Test
    void fewRequestsCanBreakTheLatencyGuardrailButNotProveAShift() {
        // 400 requests, 30% slower (a regression on 60,000): a p99 shift from so few is a guess, so only a
        // guardrail breach counts.
        Verdict slower = judge(GATEWAY, 1, success(400, 0.998, 40_000, 0.998), latency(400, 1.3, 40_000));
        assertThat(slower.metrics().get(1).label()).isEqualTo(Label.NO_DATA);
        Verdict broken = judge(GATEWAY, 1, success(400, 0.998, 40_000, 0.998), latency(400, 12.0, 40_000));
        assertThat(broken.phase()).isEqualTo(Phase.FAILED);
        assertThat(broken.metrics().get(1).guardrailBreached()).isTrue();
        assertThat(broken.message()).contains("guardrail").contains("enough to show harm, too few to show safety");
    }

    @Test
    void latencyRegressionFailsThroughTheScore() {
        Verdict verdict = judge(GATEWAY, 4, success(60_000, 0.995, 1_000_000, 0.995), latency(60_000, 1.3, 1_000_000));
        assertThat(verdict.metrics().get(1).label()).isEqualTo(Label.HIGH);
        assertThat(verdict.metrics().get(1).guardrailBreached()).isFalse();
        assertThat(verdict.phase()).isEqualTo(Phase.FAILED);
        assertThat(verdict.score()).isEqualTo(50.0);
        assertThat(verdict.message()).startsWith("latency: canary p99 ");
    }

    @Test
    void significantButHarmlessDifferenceStaysWithinTheAllowedEffect() {
        // 0.05 pp worse over 2 million requests is significant, yet below the 0.1 pp that matters.
        Verdict verdict =
                judge(GATEWAY, 12, success(2_000_000, 0.9945, 20_000_000, 0.9950), latency(2_000_000, 1.0, 20_000_000));
        assertThat(verdict.metrics().get(0).pValue())
                .isLessThan(verdict.metrics().get(0).boundary());
        assertThat(verdict.phase()).isEqualTo(Phase.SUCCESSFUL);
    }

    @Test
    void aBetterCanaryIsNotARegression() {
        Verdict verdict = judge(GATEWAY, 6, success(60_000, 0.999, 1_000_000, 0.990), latency(60_000, 0.7, 1_000_000));
        assertThat(verdict.metrics()).extracting(MetricResult::label).containsOnly(Label.PASS);
        assertThat(verdict.phase()).isEqualTo(Phase.SUCCESSFUL);
    }

    @Test
    void eitherDirectionFailsAChangeBothWays() {
        MetricConfig cpu = MetricConfig.of("cpu", MetricKind.SERIES, Direction.EITHER, AllowedEffect.relative(0.1));
        JudgeConfig config = JudgeConfig.withMetrics(List.of(cpu));
        long seed = 33;
        SplittableRandom random = new SplittableRandom(seed);
        double[] baseline = normal(random, 240, 0.6, 0.02);
        Verdict lower = CanaryJudge.judge(
                config, LookContext.look(6), Map.of("cpu", new SeriesData(normal(random, 60, 0.45, 0.02), baseline)));
        Verdict higher = CanaryJudge.judge(
                config, LookContext.look(6), Map.of("cpu", new SeriesData(normal(random, 60, 0.75, 0.02), baseline)));
        assertThat(lower.metrics().get(0).label()).as("seed %d", seed).isEqualTo(Label.LOW);
        assertThat(higher.metrics().get(0).label()).as("seed %d", seed).isEqualTo(Label.HIGH);
    }

    @Test
    void sparseErrorsAreNotAPass() {
        // kayenta#426: mostly-zero error counts. 12 errors in 2,000 canary requests vs 2 in 20,000.
        Verdict verdict = judge(GATEWAY, 12, new RatioData(1_988, 2_000, 19_998, 20_000), latency(2_000, 1.0, 20_000));
        assertThat(verdict.metrics().get(0).label()).isEqualTo(Label.LOW);
        assertThat(verdict.phase()).isEqualTo(Phase.FAILED);
    }

    @Test
    void varianceOnlyIncreaseIsCaught() {
        // kayenta#780: same median, four times the spread.
        long seed = 31;
        SplittableRandom random = new SplittableRandom(seed);
        MetricConfig cpu =
                MetricConfig.of("cpu", MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.1));
        JudgeConfig config = JudgeConfig.withMetrics(List.of(cpu));
        SeriesData data = new SeriesData(normal(random, 60, 0.6, 0.08), normal(random, 240, 0.6, 0.02));
        Verdict verdict = CanaryJudge.judge(config, LookContext.look(6), Map.of("cpu", data));
        assertThat(verdict.metrics().get(0).label()).as("seed %d", seed).isEqualTo(Label.HIGH);
        assertThat(verdict.message())
                .as("seed %d", seed)
                .contains("erratic")
                .containsPattern("FAILED \\(score 0; look 6 of \\d+ planned: alpha [^)]+ over 1 metric\\)$");
    }

    @Test
    void unchangedSeriesPasses() {
        long seed = 32;
        SplittableRandom random = new SplittableRandom(seed);
        MetricConfig cpu = MetricConfig.of(
                        "cpu", MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.1))
                .withOutlierRemoval(true);
        SeriesData data = new SeriesData(normal(random, 60, 0.6, 0.02), normal(random, 240, 0.6, 0.02));
        Verdict verdict =
                CanaryJudge.judge(JudgeConfig.withMetrics(List.of(cpu)), LookContext.look(6), Map.of("cpu", data));
        assertThat(verdict.phase()).as("seed %d", seed).isEqualTo(Phase.SUCCESSFUL);
    }

    @Test
    void dataSourceFailureIsErrorNeverPass() {
        Verdict perMetric = CanaryJudge.judge(
                GATEWAY,
                LookContext.look(1),
                Map.of(
                        "success-rate",
                        success(60_000, 0.995, 1_000_000, 0.995),
                        "latency",
                        new Unavailable("prometheus: context deadline exceeded")));
        assertThat(perMetric.phase()).isEqualTo(Phase.ERROR);
        assertThat(perMetric.message()).contains("latency: data source failed: prometheus: context deadline exceeded");
        Verdict whole = CanaryJudge.judge(GATEWAY, LookContext.failed(1, "connection refused"), Map.of());
        assertThat(whole.phase()).isEqualTo(Phase.ERROR);
        assertThat(whole.message()).isEqualTo("data source failed: connection refused");
    }

    @Test
    void invalidConfigIsErrorNamingTheField() {
        JudgeConfig broken = GATEWAY.withAlpha(-1);
        Verdict verdict = judge(broken, 1, success(60_000, 0.995, 1_000_000, 0.995), latency(60_000, 1.0, 1_000_000));
        assertThat(verdict.phase()).isEqualTo(Phase.ERROR);
        assertThat(verdict.message()).isEqualTo("invalid config: alpha: must be > 0 and < 0.5, got -1.0");
    }

    @Test
    void malformedDataIsErrorNotACrash() {
        HistogramData backwards = new HistogramData(
                new double[] {0.5, 0.1, Double.POSITIVE_INFINITY}, new double[] {1, 2, 3}, new double[] {1, 2, 3});
        Verdict verdict = judge(GATEWAY, 1, success(60_000, 0.995, 1_000_000, 0.995), backwards);
        assertThat(verdict.phase()).isEqualTo(Phase.ERROR);
        assertThat(verdict.message()).contains("latency: bucket bounds must increase");
    }

    @Test
    void metadataCarriesTheEvidencePerMetric() {
        Verdict verdict = judge(GATEWAY, 1, success(60_000, 0.995, 1_000_000, 0.995), latency(60_000, 1.0, 1_000_000));
        assertThat(verdict.metadata())
                .containsKeys(
                        "success-rate.label",
                        "success-rate.effect",
                        "success-rate.ci",
                        "success-rate.pValue",
                        "success-rate.boundary",
                        "success-rate.nCanary",
                        "success-rate.nBaseline",
                        "latency.label",
                        "latency.ci");
        assertThat(verdict.metadata())
                .containsEntry("success-rate.nCanary", "60000")
                .containsEntry("latency.label", "Pass");
        assertThat(verdict.value()).isEqualTo("100.00");
    }

    @Test
    void laterLooksMayUseMoreOfAlpha() {
        // The boundary relaxes as alpha is spent: a look-12 test may be less strict than a look-1 test.
        Verdict first = judge(GATEWAY, 1, success(60_000, 0.995, 1_000_000, 0.995), latency(60_000, 1.0, 1_000_000));
        Verdict last = judge(GATEWAY, 12, success(60_000, 0.995, 1_000_000, 0.995), latency(60_000, 1.0, 1_000_000));
        assertThat(last.metrics().get(0).boundary())
                .isGreaterThan(first.metrics().get(0).boundary());
        assertThat(first.metrics().get(0).boundary()).isLessThan(GATEWAY.alpha() / 2);
    }

    private static Verdict judge(JudgeConfig config, int look, MetricData success, MetricData latency) {
        return CanaryJudge.judge(config, LookContext.look(look), Map.of("success-rate", success, "latency", latency));
    }

    private static RatioData success(double canaryN, double canaryRate, double baselineN, double baselineRate) {
        return new RatioData(canaryN * canaryRate, canaryN, baselineN * baselineRate, baselineN);
    }

    private static HistogramData latency(double canaryN, double slowdown, double baselineN) {
        return new HistogramData(
                BOUNDS,
                LatencyModel.expectedCumulative(canaryN, slowdown),
                LatencyModel.expectedCumulative(baselineN, 1.0));
    }

    private static double[] normal(SplittableRandom random, int n, double mean, double sd) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(mean + sd * io.voyager.rollouts.judge.stats.Normal.quantile(random.nextDouble()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
