package io.voyager.rollouts.judge.testsupport;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import java.util.List;

/**
 * The two metrics these tests and benchmarks judge, weighed as the plugin judges the gateway by default: a critical
 * success rate (allowed -0.1 pp, at least 98%) and a p99 latency (allowed +5%, below 500 ms). The data they are
 * fed is drawn on {@link #LATENCY_BOUNDS}.
 */
public final class GatewayLikeMetrics {
    public static final String SUCCESS_RATE = "success-rate";
    public static final String LATENCY = "latency";
    /**
     * Latency histogram bounds in seconds, dense around the 500 ms guardrail: the gateway's SLO buckets up to 2.5 s,
     * the bounds every expected figure of these tests and benchmarks was computed on.
     */
    public static final double[] LATENCY_BOUNDS = {
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.75, 1.0, 2.5, Double.POSITIVE_INFINITY
    };

    private GatewayLikeMetrics() {}

    /** Both metrics with every other default of the judge. */
    public static JudgeConfig config() {
        return JudgeConfig.withMetrics(List.of(successRate(), latency()));
    }

    public static MetricConfig successRate() {
        MetricConfig ratio = MetricConfig.of(
                SUCCESS_RATE, MetricKind.RATIO, Direction.DECREASE_IS_BAD, AllowedEffect.absolute(0.001));
        return ratio.withCritical(true).withGuardrail(Guardrail.atLeast(0.98));
    }

    public static MetricConfig latency() {
        MetricConfig histogram =
                MetricConfig.of(LATENCY, MetricKind.HISTOGRAM, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.05));
        return histogram.withGuardrail(Guardrail.below(0.5));
    }
}
