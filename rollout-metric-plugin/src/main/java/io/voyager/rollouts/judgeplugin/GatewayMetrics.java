package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import java.util.List;
import java.util.Map;

/**
 * The metrics that judge the Voyager gateway when a template names none: how the judge weighs each, the PromQL
 * that fetches it, and the latency buckets the gateway exports.
 */
public final class GatewayMetrics {
    /**
     * The gateway's latency histogram bounds in seconds: its SLO buckets around the 500 ms p99 target
     * ({@code SloBuckets} in voyager-gateway), then +Inf.
     */
    public static final double[] LATENCY_BUCKETS = {
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.15,
        0.2,
        0.25,
        0.3,
        0.35,
        0.4,
        0.5,
        0.75,
        1.0,
        2.5,
        5.0,
        Double.POSITIVE_INFINITY
    };

    public static final String SUCCESS_RATE = "success-rate";
    public static final String LATENCY = "latency";

    /**
     * Success = approved + declined (the gateway answered); failure = error + timeout. Per pod, so the judge can
     * see how much pods differ among themselves (the ServiceMonitor's {@code pod} target label).
     */
    private static final String GOOD =
            "sum by (pod) (increase(voyager_authorizations_total{outcome=~\"approved|declined\",${selector}}[${window}]))";

    private static final String TOTAL =
            "sum by (pod) (increase(voyager_authorizations_total{outcome=~\"approved|declined|error|timeout\",${selector}}[${window}]))";
    private static final String BUCKETS =
            "sum by (le, pod) (increase(http_server_requests_seconds_bucket{uri=\"/v1/authorizations\",${selector}}[${window}]))";
    private static final Map<String, Map<String, String>> QUERIES = Map.of(
            SUCCESS_RATE, Map.of(MetricQueries.GOOD, GOOD, MetricQueries.TOTAL, TOTAL),
            LATENCY, Map.of(MetricQueries.BUCKETS, BUCKETS));

    private GatewayMetrics() {}

    public static List<MetricConfig> defaults() {
        return List.of(successRate(), latency());
    }

    /** Critical; a drop of more than 0.1 percentage point is a regression; must stay at or above 98%. */
    public static MetricConfig successRate() {
        return MetricConfig.of(SUCCESS_RATE, MetricKind.RATIO, Direction.DECREASE_IS_BAD, AllowedEffect.absolute(0.001))
                .withCritical(true)
                .withGuardrail(Guardrail.atLeast(0.98));
    }

    /** A p99 more than 5% above the stable's is a regression; p99 must stay below 500 ms. */
    public static MetricConfig latency() {
        return MetricConfig.of(LATENCY, MetricKind.HISTOGRAM, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.05))
                .withGuardrail(Guardrail.below(0.5));
    }

    /** The built-in metric of this name, of this kind unless the kind is null; null when there is none. */
    static MetricConfig named(String name, MetricKind kind) {
        for (MetricConfig metric : defaults()) {
            if (metric.name().equals(name) && (kind == null || kind == metric.kind())) {
                return metric;
            }
        }
        return null;
    }

    /** A built-in metric's PromQL by query role ({@link MetricQueries#roles}); empty for any other name. */
    static Map<String, String> queries(String metric) {
        return QUERIES.getOrDefault(metric, Map.of());
    }
}
