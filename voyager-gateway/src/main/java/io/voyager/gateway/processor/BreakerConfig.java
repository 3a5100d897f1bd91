package io.voyager.gateway.processor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The circuit breaker every processor gets, one per processor and named after it. */
@ConfigMapping(prefix = "voyager.breaker")
public interface BreakerConfig {

    /** Calls in the rolling window the failure ratio is computed over. */
    @WithDefault("20")
    int requestVolumeThreshold();

    @WithDefault("0.5")
    double failureRatio();

    /** How long an open breaker refuses calls before it lets trial calls through. */
    @WithDefault("5s")
    Duration delay();

    /** Good trial calls that close a half-open breaker. */
    @WithDefault("3")
    int successThreshold();
}
