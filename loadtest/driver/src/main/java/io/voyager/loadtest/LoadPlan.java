package io.voyager.loadtest;

import java.time.Duration;

/** Everything one bounded run needs. The limits keep a typo from turning into an unbounded load. */
public record LoadPlan(
        ArrivalSchedule schedule,
        TrafficSplit split,
        RequestSource requests,
        Duration requestTimeout,
        int maxConnectionsPerTarget,
        int maxInFlight) {

    public static final double MAX_RATE_PER_SECOND = 200_000;
    public static final Duration MAX_DURATION = Duration.ofHours(6);

    public LoadPlan {
        split.targets().forEach(LoopbackGuard::requireLoopback);
        if (maxConnectionsPerTarget < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("connections and in-flight limits must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive");
        }
    }
}
