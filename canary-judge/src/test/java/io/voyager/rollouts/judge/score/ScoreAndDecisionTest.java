package io.voyager.rollouts.judge.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.Phase;
import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.config.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreAndDecisionTest {
    private static final Thresholds THRESHOLDS = new Thresholds(95, 75);

    @Test
    void scoreIsTheGroupWeightedShareOfPassingMetrics() {
        // group "latency" (weight 3): one of two passes = 0.5; group "errors" (weight 1): 1.0.
        // (3 * 0.5 + 1 * 1.0) / 4 = 62.5; the NoData metric does not count.
        JudgeConfig config = config(
                Map.of("latency", 3.0, "errors", 1.0),
                metric("p99", "latency"),
                metric("p50", "latency"),
                metric("errors", "errors"),
                metric("cpu", "cpu"));
        List<MetricResult> results = List.of(
                result("p99", Label.PASS, false),
                result("p50", Label.HIGH, false),
                result("errors", Label.PASS, false),
                result("cpu", Label.NO_DATA, false));
        assertThat(Scorer.score(config, results)).isCloseTo(62.5, within(1e-12));
    }

    @Test
    void scoreBetweenMarginalAndPassPausesForAHuman() {
        List<MetricResult> results = List.of(
                result("a", Label.PASS, false),
                result("b", Label.PASS, false),
                result("c", Label.PASS, false),
                result("d", Label.PASS, false),
                result("e", Label.HIGH, false));
        assertThat(Decision.decide(results, 80.0, THRESHOLDS)).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(Decision.decide(results, 95.0, THRESHOLDS)).isEqualTo(Phase.SUCCESSFUL);
        assertThat(Decision.decide(results, 74.9, THRESHOLDS)).isEqualTo(Phase.FAILED);
    }

    @Test
    void criticalRegressionFailsWhateverTheScore() {
        List<MetricResult> results = List.of(
                result("errors", Label.LOW, true),
                result("a", Label.PASS, false),
                result("b", Label.PASS, false),
                result("c", Label.PASS, false));
        assertThat(Decision.decide(results, 96.0, THRESHOLDS)).isEqualTo(Phase.FAILED);
    }

    @Test
    void noDataForHalfTheMetricsIsInconclusive() {
        List<MetricResult> results = List.of(result("a", Label.NO_DATA, false), result("b", Label.PASS, false));
        assertThat(Decision.decide(results, 100.0, THRESHOLDS)).isEqualTo(Phase.INCONCLUSIVE);
    }

    @Test
    void anUnansweredMetricIsErrorUnlessSomethingAlreadyFailed() {
        List<MetricResult> error = List.of(result("a", Label.ERROR, false), result("b", Label.PASS, false));
        assertThat(Decision.decide(error, 100.0, THRESHOLDS)).isEqualTo(Phase.ERROR);
        List<MetricResult> failing = List.of(result("a", Label.ERROR, false), result("b", Label.HIGH, true));
        assertThat(Decision.decide(failing, 0.0, THRESHOLDS)).isEqualTo(Phase.FAILED);
    }

    private static JudgeConfig config(Map<String, Double> groupWeights, MetricConfig... metrics) {
        JudgeConfig base = JudgeConfig.withMetrics(List.of(metrics));
        return new JudgeConfig(
                base.alpha(),
                base.plannedLooks(),
                base.spending(),
                base.thresholds(),
                base.metrics(),
                groupWeights,
                base.bootstrapResamples(),
                base.bootstrapSeed());
    }

    private static MetricConfig metric(String name, String group) {
        return MetricConfig.of(name, MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.1))
                .withGroup(group, 1.0);
    }

    private static MetricResult result(String name, Label label, boolean critical) {
        return MetricResult.withoutEvidence(name, label, critical, 1000, 1000, "test");
    }
}
