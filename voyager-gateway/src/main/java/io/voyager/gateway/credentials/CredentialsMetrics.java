package io.voyager.gateway.credentials;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.voyager.gateway.processor.ProcessorId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Credential health per processor, labelled by processor only: rotations, age of the current
 * credentials, and whether the last refresh worked. No value ever becomes a label.
 */
final class CredentialsMetrics {

    private final Clock clock;
    private final Map<ProcessorId, Counter> rotations = new EnumMap<>(ProcessorId.class);
    private final Map<ProcessorId, Counter> failures = new EnumMap<>(ProcessorId.class);
    private final Map<ProcessorId, AtomicReference<Instant>> loadedAt = new EnumMap<>(ProcessorId.class);
    private final Map<ProcessorId, AtomicReference<Boolean>> lastRefreshOk = new EnumMap<>(ProcessorId.class);

    CredentialsMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (ProcessorId id : ProcessorId.values()) {
            AtomicReference<Instant> loaded = new AtomicReference<>();
            AtomicReference<Boolean> ok = new AtomicReference<>(Boolean.TRUE);
            loadedAt.put(id, loaded);
            lastRefreshOk.put(id, ok);
            rotations.put(
                    id,
                    Counter.builder("voyager.credentials.rotations")
                            .description("Times new credentials replaced the ones in use")
                            .tag("processor", id.label())
                            .register(registry));
            failures.put(
                    id,
                    Counter.builder("voyager.credentials.refresh.failures")
                            .description("Refreshes that failed; the last good credentials stay in use")
                            .tag("processor", id.label())
                            .register(registry));
            Gauge.builder("voyager.credentials.age.seconds", loaded, at -> ageSeconds(at.get()))
                    .description("Seconds since the credentials in use were loaded; NaN when none are")
                    .tag("processor", id.label())
                    .register(registry);
            Gauge.builder("voyager.credentials.last.refresh.success", ok, last -> last.get() ? 1 : 0)
                    .description("1 when the last refresh of this processor's credentials worked")
                    .tag("processor", id.label())
                    .register(registry);
        }
    }

    void loaded(ProcessorId id, boolean rotation) {
        loadedAt.get(id).set(clock.instant());
        if (rotation) {
            rotations.get(id).increment();
        }
    }

    void refreshed(ProcessorId id, boolean ok) {
        lastRefreshOk.get(id).set(ok);
        if (!ok) {
            failures.get(id).increment();
        }
    }

    private double ageSeconds(Instant at) {
        return at == null ? Double.NaN : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }
}
