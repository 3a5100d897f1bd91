package io.voyager.gateway.authorization;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the start-up warm-up runs, so no traffic reaches a cold pod; UP once it is over,
 * whether it finished, stopped at its time budget, failed or overran, and when it is off.
 * Liveness and the startup probe do not depend on it.
 */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final AuthorizationWarmUp warmUp;

    WarmUpReadiness(AuthorizationWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        AuthorizationWarmUp.State state = warmUp.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("warm-up")
                .status(state != AuthorizationWarmUp.State.RUNNING)
                .withData("state", state.label());
        warmUp.summary()
                .ifPresent(
                        summary -> response.withData("requests", summary.sent()).withData("ms", summary.millis()));
        return response.build();
    }
}
