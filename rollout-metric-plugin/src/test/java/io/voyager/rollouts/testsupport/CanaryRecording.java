package io.voyager.rollouts.testsupport;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One recording with a stable deployment and four canaries, so every verdict can be judged against a
 * single Prometheus by changing only the canary selector:
 * <ul>
 *   <li>{@code good}: like the stable (0.3% errors, p99 about 200 ms);</li>
 *   <li>{@code erroring}: 5% errors, below the 98% success guardrail;</li>
 *   <li>{@code slow}: latency 1.5x the stable's, still under the 500 ms guardrail;</li>
 *   <li>{@code thin}: so little traffic that no test has enough data.</li>
 * </ul>
 */
public final class CanaryRecording {
    public static final long SEED = 20_251_126L;
    public static final Duration LENGTH = Duration.ofMinutes(20);
    public static final String STABLE = "stable";
    public static final String GOOD = "good";
    public static final String ERRORING = "erroring";
    public static final String SLOW = "slow";
    public static final String THIN = "thin";

    public static final List<GatewayTraffic.Deployment> DEPLOYMENTS = List.of(
            new GatewayTraffic.Deployment(STABLE, 200, 0.003, 0.05, 0.03),
            new GatewayTraffic.Deployment(GOOD, 20, 0.003, 0.05, 0.03),
            new GatewayTraffic.Deployment(ERRORING, 20, 0.05, 0.05, 0.03),
            new GatewayTraffic.Deployment(SLOW, 20, 0.003, 0.075, 0.03),
            new GatewayTraffic.Deployment(THIN, 0.3, 0.003, 0.05, 0.03));

    private CanaryRecording() {}

    /** The recording ends now (whole seconds), so a plugin judging "since the analysis started" sees all of it. */
    public static Instant end() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public static String openMetrics(Instant end) {
        return GatewayTraffic.openMetrics(DEPLOYMENTS, end, LENGTH, SEED);
    }

    /** The smallest plugin config: the address and the two selectors, plus what the caller adds. */
    public static String config(URI prometheus, String canaryHash, String extraJsonFields) {
        return "{\"prometheus\":{\"address\":\"" + prometheus + "\"},"
                + "\"canary\":\"rollouts_pod_template_hash=\\\"" + canaryHash + "\\\"\","
                + "\"baseline\":\"rollouts_pod_template_hash=\\\"" + STABLE + "\\\"\""
                + (extraJsonFields.isEmpty() ? "" : "," + extraJsonFields) + "}";
    }
}
