package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    /** The gateway's own bucket list; the plugin does not depend on the gateway module, so it reads the source. */
    private static final Path SLO_BUCKETS =
            Path.of("../voyager-gateway/src/main/java/io/voyager/gateway/observability/SloBuckets.java");

    private static final Pattern SECONDS = Pattern.compile("double\\[\\]\\s+SECONDS\\s*=\\s*\\{([^}]*)\\}");

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

    @Test
    void latencyBucketsAreTheGatewaysSloBucketsAndInf() throws Exception {
        assertThat(SLO_BUCKETS)
                .as("the gateway's SloBuckets source, read from the repository")
                .exists();
        String source = Files.readString(SLO_BUCKETS);
        Matcher list = SECONDS.matcher(source);
        assertThat(list.find())
                .as("a 'double[] SECONDS = {...}' list in %s", SLO_BUCKETS)
                .isTrue();
        double[] gateway = Arrays.stream(list.group(1).split(","))
                .map(String::strip)
                .mapToDouble(GatewayMetricsTest::bound)
                .toArray();

        double[] plugin = GatewayMetrics.LATENCY_BUCKETS;

        assertThat(plugin[plugin.length - 1]).as("the last bucket").isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Arrays.copyOf(plugin, plugin.length - 1))
                .as("the plugin's bounds against %s", SLO_BUCKETS)
                .containsExactly(gateway);
    }

    private static double bound(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AssertionError(
                    "SloBuckets.SECONDS in " + SLO_BUCKETS + " holds '" + text
                            + "', not a number of seconds: this test reads the list as plain literals",
                    e);
        }
    }
}
