package io.voyager.gateway.processor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** Every processor adapter, by id. */
@ApplicationScoped
public class Processors {

    private final Map<ProcessorId, PaymentProcessor> byId = new EnumMap<>(ProcessorId.class);

    Processors(Instance<PaymentProcessor> adapters) {
        adapters.forEach(adapter -> byId.put(adapter.id(), adapter));
        for (ProcessorId id : ProcessorId.values()) {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("No adapter for processor " + id);
            }
        }
    }

    public PaymentProcessor get(ProcessorId id) {
        return byId.get(id);
    }
}
