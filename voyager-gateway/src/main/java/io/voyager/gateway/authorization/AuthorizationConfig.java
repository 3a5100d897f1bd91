package io.voyager.gateway.authorization;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Input limits and answers of the authorization API. */
@ConfigMapping(prefix = "voyager.authorization")
public interface AuthorizationConfig {

    /** Largest accepted amount in minor units; Stripe's own ceiling is 99,999,999. */
    @WithDefault("99999999")
    long maxAmountMinorUnits();

    /** Largest accepted body. The HTTP layer enforces the same figure (quarkus.http.limits.max-body-size). */
    @WithDefault("16384")
    int maxBodyBytes();

    /** Retry-After sent with 503 when no processor can be reached; about one circuit-breaker delay. */
    @WithDefault("5")
    int retryAfterSeconds();
}
