package io.voyager.gateway.observability;

import java.util.Locale;

/** The {@code outcome} label. Approved and declined are both successes of the system. */
public enum Outcome {
    APPROVED,
    DECLINED,
    ERROR,
    TIMEOUT,
    /** Refused before reaching any processor, e.g. invalid input. */
    REJECTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
