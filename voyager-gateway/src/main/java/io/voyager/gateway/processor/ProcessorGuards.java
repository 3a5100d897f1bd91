package io.voyager.gateway.processor;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fault-tolerance boundary of each processor, built once from configuration: a timeout, a
 * circuit breaker named after the processor, a limit on calls in flight, and one immediate retry
 * when the connection was refused. Its own exceptions leave here translated into
 * {@link ProcessorException}s, so callers see only the processor port's failures.
 */
@Singleton
public class ProcessorGuards {

    private static final TypeLiteral<Uni<ProcessorResult>> RESULT = new TypeLiteral<>() {};

    private final Map<ProcessorId, TypedGuard<Uni<ProcessorResult>>> guards = new EnumMap<>(ProcessorId.class);

    @Inject
    ProcessorGuards(ProcessorsConfig processors, BreakerConfig breaker) {
        this(processors, breaker, true);
    }

    private ProcessorGuards(ProcessorsConfig processors, BreakerConfig breaker, boolean namedBreakers) {
        for (ProcessorId id : ProcessorId.values()) {
            ProcessorsConfig.Processor config = processors.of(id);
            TypedGuard.Builder.CircuitBreakerBuilder<Uni<ProcessorResult>> circuitBreaker = TypedGuard.create(RESULT)
                    .withThreadOffload(false)
                    .withTimeout()
                    .duration(config.timeoutMs(), ChronoUnit.MILLIS)
                    .done()
                    .withCircuitBreaker();
            if (namedBreakers) {
                circuitBreaker = circuitBreaker.name(id.label());
            }
            guards.put(
                    id,
                    circuitBreaker
                            // Rejections (4xx) and a full in-flight limit are not signs of an unhealthy processor.
                            .skipOn(List.of(ProcessorRejectedException.class, BulkheadException.class))
                            .requestVolumeThreshold(breaker.requestVolumeThreshold())
                            .failureRatio(breaker.failureRatio())
                            .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                            .successThreshold(breaker.successThreshold())
                            .done()
                            .withBulkhead()
                            .limit(config.maxInFlight())
                            .queueSize(1)
                            .done()
                            .withRetry()
                            .maxRetries(1)
                            .delay(0, ChronoUnit.MILLIS)
                            .jitter(0, ChronoUnit.MILLIS)
                            .retryOn(ProcessorUnreachableException.class)
                            .done()
                            .build());
        }
    }

    /**
     * The same boundaries with breakers that have no name: a named breaker is registered for
     * maintenance, health and {@code voyager_circuit_breaker_state}, an unnamed one nowhere. For the
     * start-up warm-up's twins, whose calls must leave no trace.
     */
    static ProcessorGuards unregistered(ProcessorsConfig processors, BreakerConfig breaker) {
        return new ProcessorGuards(processors, breaker, false);
    }

    /** Runs one processor call inside that processor's boundary. */
    public Uni<ProcessorResult> call(ProcessorId processor, Supplier<Uni<ProcessorResult>> call) {
        return guards.get(processor).get(call).onFailure().transform(failure -> translate(processor, failure));
    }

    private static Throwable translate(ProcessorId processor, Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new ProcessorSkippedException(processor, "circuit breaker open", failure);
        }
        if (failure instanceof BulkheadException) {
            return new ProcessorSkippedException(processor, "in-flight limit reached", failure);
        }
        if (failure instanceof TimeoutException) {
            return new ProcessorTimeoutException(processor, failure);
        }
        return failure;
    }
}
