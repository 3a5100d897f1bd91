package io.voyager.rollouts.judge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeConfigTest {
    @Test
    void errorsNameTheFieldAndTheReason() {
        MetricConfig badEffect =
                MetricConfig.of("cpu", MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.0));
        MetricConfig noKind = MetricConfig.of("x", null, Direction.EITHER, AllowedEffect.absolute(1));
        JudgeConfig config = JudgeConfig.withMetrics(List.of(GatewayLikeMetrics.successRate(), badEffect, noKind))
                .withAlpha(0.7)
                .withPlannedLooks(0);
        assertThat(config.validate())
                .contains(
                        "alpha: must be > 0 and < 0.5, got 0.7",
                        "plannedLooks: must be 1..200, got 0",
                        "metrics[1].allowedEffect.relative: must be > 0, got 0.0",
                        "metrics[2].kind: must be one of ratio, histogram, series");
    }

    @Test
    void duplicateNamesAndBothEffectsAreRejected() {
        MetricConfig both = MetricConfig.of(
                "success-rate", MetricKind.RATIO, Direction.DECREASE_IS_BAD, new AllowedEffect(0.01, 0.1));
        JudgeConfig config = JudgeConfig.withMetrics(List.of(GatewayLikeMetrics.successRate(), both));
        assertThat(config.validate())
                .containsExactly(
                        "metrics[1].name: duplicate name 'success-rate'",
                        "metrics[1].allowedEffect: set exactly one of absolute or relative");
    }

    @Test
    void ratioGuardrailMustBeARate() {
        MetricConfig metric = GatewayLikeMetrics.successRate().withGuardrail(Guardrail.atLeast(98));
        assertThat(JudgeConfig.withMetrics(List.of(metric)).validate())
                .containsExactly("metrics[0].guardrail: bounds must be finite rates within 0..1, got 98.0");
    }
}
