package io.voyager.gateway.authorization;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The start-up warm-up of the authorization path ({@link AuthorizationWarmUp}). */
@ConfigMapping(prefix = "voyager.warm-up")
public interface WarmUpConfig {

    /** Off: ready as soon as the other checks are, and the first real requests pay for the cold JVM. */
    @WithDefault("true")
    boolean enabled();

    /** Made-up authorizations sent to the gateway's own port before it is ready. */
    @WithDefault("10000")
    int requests();

    /** Of those, how many are in flight at once. */
    @WithDefault("32")
    int inFlight();

    /**
     * The longest the warm-up holds readiness back, counted from the application's start: past it no
     * more requests are sent, and readiness goes UP (with a warning) whatever is left.
     */
    @WithDefault("10s")
    Duration maxDuration();

    /** Port of the loopback server that stands in for the processors; 0 picks a free one. */
    @WithDefault("0")
    int targetPort();
}
