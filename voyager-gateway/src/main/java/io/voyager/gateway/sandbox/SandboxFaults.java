package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.voyager.gateway.processor.ProcessorId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The current fault settings of each sandbox processor: from configuration at start, changeable at run time. */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class SandboxFaults {

    private final SandboxConfig config;
    private final Map<ProcessorId, FaultSettings> current = new EnumMap<>(ProcessorId.class);

    SandboxFaults(SandboxConfig config) {
        this.config = config;
        reset();
    }

    public synchronized FaultSettings of(ProcessorId processor) {
        return current.get(processor);
    }

    public synchronized Map<ProcessorId, FaultSettings> all() {
        return new EnumMap<>(current);
    }

    synchronized void set(ProcessorId processor, FaultSettings settings) {
        current.put(processor, settings);
    }

    /** Back to the configured faults. */
    public synchronized void reset() {
        current.put(ProcessorId.STRIPE, FaultSettings.of(config.faults().stripe()));
        current.put(ProcessorId.ADYEN, FaultSettings.of(config.faults().adyen()));
        current.put(ProcessorId.MERCADOPAGO, FaultSettings.of(config.faults().mercadopago()));
    }
}
