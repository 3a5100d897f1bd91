package io.voyager.gateway.processor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/** Every processor adapter, by id. */
@ApplicationScoped
public class Processors {

    private final Map<ProcessorId, PaymentProcessor> byId;

    @Inject
    Processors(Instance<PaymentProcessor> adapters) {
        this(byId(adapters));
    }

    private Processors(Map<ProcessorId, PaymentProcessor> byId) {
        this.byId = byId;
    }

    /** Adapters that are not the beans, e.g. the start-up warm-up's twins. */
    static Processors of(Iterable<? extends PaymentProcessor> adapters) {
        return new Processors(byId(adapters));
    }

    private static Map<ProcessorId, PaymentProcessor> byId(Iterable<? extends PaymentProcessor> adapters) {
        Map<ProcessorId, PaymentProcessor> byId = new EnumMap<>(ProcessorId.class);
        adapters.forEach(adapter -> byId.put(adapter.id(), adapter));
        for (ProcessorId id : ProcessorId.values()) {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("No adapter for processor " + id);
            }
        }
        return byId;
    }

    public PaymentProcessor get(ProcessorId id) {
        return byId.get(id);
    }
}
