package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Credentials read from a source that can change while we run. Each request takes the current
 * value once ({@link #current}) and keeps it, so in-flight requests finish with the key they
 * started with while new ones get the new key. A failed refresh keeps the last good value.
 */
abstract class RotatingCredentials implements CredentialsProvider, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RotatingCredentials.class);

    /** What a source read: the credentials and a version that changes whenever they do. */
    record Fetched(ProcessorCredentials credentials, String version) {
    }

    private record Loaded(ProcessorCredentials credentials, String version) {
    }

    private final Set<ProcessorId> processors;
    private final CredentialsMetrics metrics;
    private final Map<ProcessorId, AtomicReference<Loaded>> loaded = new EnumMap<>(ProcessorId.class);

    RotatingCredentials(Set<ProcessorId> processors, CredentialsMetrics metrics) {
        this.processors = processors;
        this.metrics = metrics;
        for (ProcessorId id : ProcessorId.values()) {
            loaded.put(id, new AtomicReference<>());
        }
    }

    /** Where the processor's credentials live, for messages: a secret name or a folder. */
    abstract String location(ProcessorId processor);

    abstract Fetched fetch(ProcessorId processor) throws Exception;

    /**
     * Loads every processor's credentials. A missing or malformed secret stops the start; a source
     * that cannot be reached right now does not: readiness stays down until a later poll succeeds.
     */
    void loadAll() {
        for (ProcessorId id : processors) {
            Fetched fetched;
            try {
                fetched = fetch(id);
            } catch (MalformedSecretException e) {
                throw e;
            } catch (Exception e) {
                if (isMissing(e)) {
                    throw new MalformedSecretException(location(id), "cannot be read (" + describe(e) + ")");
                }
                metrics.refreshed(id, false);
                LOG.warnf("%s credentials from %s not available yet (%s); not ready until they are", id, location(id),
                        describe(e));
                continue;
            }
            install(id, fetched);
        }
    }

    /** Whether a failed read means the secret does not exist, rather than that the source is unreachable. */
    boolean isMissing(Exception failure) {
        return true;
    }

    /** Re-reads every processor; failures are logged and counted, never thrown. */
    void refreshAll() {
        processors.forEach(this::refresh);
    }

    void refresh(ProcessorId id) {
        try {
            install(id, fetch(id));
            metrics.refreshed(id, true);
        } catch (Exception e) {
            metrics.refreshed(id, false);
            LOG.warnf("Refreshing %s credentials from %s failed (%s); the last good credentials stay in use", id,
                    location(id), describe(e));
        }
    }

    private synchronized void install(ProcessorId id, Fetched fetched) {
        Loaded previous = loaded.get(id).get();
        if (previous != null && previous.version().equals(fetched.version())) {
            return;
        }
        loaded.get(id).set(new Loaded(fetched.credentials(), fetched.version()));
        metrics.loaded(id, previous != null);
        if (previous != null) {
            LOG.infof("%s credentials rotated from %s (version %s)", id, location(id), fetched.version());
        }
    }

    @Override
    public ProcessorCredentials current(String processor) {
        ProcessorId id = ProcessorId.byLabel(processor)
                .orElseThrow(() -> new IllegalArgumentException("Unknown processor " + processor));
        Loaded current = loaded.get(id).get();
        if (current == null) {
            throw new MissingCredentialsException(id.label(), "credentials", location(id));
        }
        return current.credentials();
    }

    @Override
    public void forceRefresh(String processor) {
        ProcessorId.byLabel(processor).ifPresent(this::refresh);
    }

    /** An exception's kind and message, for logs. Only used for exceptions that carry no secret values. */
    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
    }
}
