package io.voyager.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.voyager.gateway.processor.ProcessorId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's business metrics. Labels come only from closed sets (processor ids and outcomes),
 * so cardinality is fixed; every series exists from start-up at zero, so rates are never "no data".
 * Made at start-up, not at the first payment: a series born with its first requests loses them to
 * {@code increase()}, which has no earlier sample to count from, and a new canary pod's first seconds are
 * exactly what the canary analysis judges first.
 */
@Startup
@ApplicationScoped
public class AuthorizationMetrics {

    /** Processor label when no processor took part. */
    public static final String NO_PROCESSOR = "none";

    static final String AUTHORIZATIONS = "voyager.authorizations";
    static final String PROCESSOR_REQUEST = "voyager.processor.request";

    private final Map<String, Counter> authorizations = new HashMap<>();
    private final Map<String, Timer> processorRequests = new HashMap<>();

    AuthorizationMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            for (ProcessorId id : ProcessorId.values()) {
                authorizations.put(key(id.label(), outcome), counter(registry, id.label(), outcome));
                if (outcome != Outcome.REJECTED) {
                    processorRequests.put(
                            key(id.label(), outcome),
                            Timer.builder(PROCESSOR_REQUEST)
                                    .description(
                                            "Time of one call to a processor, including a retry after a refused connection")
                                    .tag("processor", id.label())
                                    .tag("outcome", outcome.label())
                                    .register(registry));
                }
            }
            authorizations.put(key(NO_PROCESSOR, outcome), counter(registry, NO_PROCESSOR, outcome));
        }
    }

    public void authorization(ProcessorId processor, Outcome outcome) {
        authorizations.get(key(processor.label(), outcome)).increment();
    }

    public void authorizationWithoutProcessor(Outcome outcome) {
        authorizations.get(key(NO_PROCESSOR, outcome)).increment();
    }

    public void processorRequest(ProcessorId processor, Outcome outcome, long nanos) {
        processorRequests.get(key(processor.label(), outcome)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Counter counter(MeterRegistry registry, String processor, Outcome outcome) {
        return Counter.builder(AUTHORIZATIONS)
                .description("Authorization requests by final outcome")
                .tag("processor", processor)
                .tag("outcome", outcome.label())
                .register(registry);
    }

    private static String key(String processor, Outcome outcome) {
        return processor + '/' + outcome.label();
    }
}
