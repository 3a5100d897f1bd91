package io.voyager.gateway.observability;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each processor's breaker state but stays UP when processors are down: a processor outage
 * hits every pod alike, and failing readiness would take the whole fleet out of service instead
 * of letting routing fail over.
 */
@Readiness
@ApplicationScoped
public class ProcessorsReadiness implements HealthCheck {

    private final CircuitBreakerMaintenance breakers;
    private final ProcessorsConfig config;

    ProcessorsReadiness(CircuitBreakerMaintenance breakers, ProcessorsConfig config) {
        this.breakers = breakers;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("processors").up();
        for (ProcessorId id : ProcessorId.values()) {
            String state = config.of(id).enabled()
                    ? "breaker " + breakers.currentState(id.label()).name().toLowerCase(Locale.ROOT)
                    : "disabled";
            response.withData(id.label(), state);
        }
        return response.build();
    }
}
