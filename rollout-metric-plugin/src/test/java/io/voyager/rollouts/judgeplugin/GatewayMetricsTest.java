package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    @Test
    void defaultsAreValidAndJudgeTheGatewaysSuccessRateAndLatency() {
        JudgeConfig config = JudgeConfig.withMetrics(GatewayMetrics.defaults());
        assertThat(config.validate()).isEmpty();
        assertThat(config.metrics()).extracting(MetricConfig::name).containsExactly("success-rate", "latency");
        MetricConfig success = config.metrics().get(0);
        assertThat(success.kind()).isEqualTo(MetricKind.RATIO);
        assertThat(success.direction()).isEqualTo(Direction.DECREASE_IS_BAD);
        assertThat(success.critical()).isTrue();
        assertThat(success.guardrail().min()).isEqualTo(0.98);
        MetricConfig latency = config.metrics().get(1);
        assertThat(latency.kind()).isEqualTo(MetricKind.HISTOGRAM);
        assertThat(latency.guardrail().max()).isEqualTo(0.5);
        assertThat(GatewayMetrics.queries("latency").get("buckets")).contains("http_server_requests_seconds_bucket");
    }
}
