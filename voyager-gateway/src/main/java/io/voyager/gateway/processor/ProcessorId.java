package io.voyager.gateway.processor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The closed set of processors the gateway speaks to; {@link #label()} is the name used in config, JSON and metrics. */
public enum ProcessorId {
    STRIPE("stripe"),
    ADYEN("adyen"),
    MERCADOPAGO("mercadopago");

    private final String label;

    ProcessorId(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ProcessorId> byLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(id -> id.label.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
