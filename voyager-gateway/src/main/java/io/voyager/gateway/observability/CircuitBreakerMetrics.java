package io.voyager.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.voyager.gateway.processor.ProcessorGuards;
import io.voyager.gateway.processor.ProcessorId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * {@code voyager_circuit_breaker_state{processor,state}}: 1 for the breaker's current state among
 * closed, open and half_open, 0 for the others. Breakers are named after the processor.
 */
@Startup
@ApplicationScoped
public class CircuitBreakerMetrics {

    // The guards are injected so the breakers exist (they are registered by name when built) before a scrape.
    CircuitBreakerMetrics(MeterRegistry registry, CircuitBreakerMaintenance breakers, ProcessorGuards guards) {
        for (ProcessorId id : ProcessorId.values()) {
            for (CircuitBreakerState state : CircuitBreakerState.values()) {
                Gauge.builder("voyager.circuit.breaker.state", () -> breakers.currentState(id.label()) == state ? 1 : 0)
                        .description("1 when the processor's circuit breaker is in this state")
                        .tag("processor", id.label())
                        .tag("state", state.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
    }
}
