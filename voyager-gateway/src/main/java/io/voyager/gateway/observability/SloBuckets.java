package io.voyager.gateway.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Explicit histogram buckets for the latency timers, dense around the 500 ms p99 objective, so
 * {@code histogram_quantile} and "share of requests under 0.5 s" are exact at the SLO boundary.
 */
@Singleton
public class SloBuckets {

    static final double[] SECONDS = {
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.75, 1, 2.5, 5
    };
    private static final Set<String> TIMERS = Set.of(AuthorizationMetrics.PROCESSOR_REQUEST, "http.server.requests");

    @Produces
    @Singleton
    MeterFilter sloHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(bucketsInNanos())
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }

    private static double[] bucketsInNanos() {
        double[] nanos = new double[SECONDS.length];
        for (int i = 0; i < SECONDS.length; i++) {
            nanos[i] = SECONDS[i] * 1e9;
        }
        return nanos;
    }
}
