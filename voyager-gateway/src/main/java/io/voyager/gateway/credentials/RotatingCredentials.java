package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.rotation.RotatingSource;
import io.voyager.gateway.rotation.RotatingSource.Versioned;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Credentials read from a source that can change while we run. Each request takes the current
 * value once ({@link #current}) and keeps it, so in-flight requests finish with the key they
 * started with while new ones get the new key. A failed refresh keeps the last good value.
 */
abstract class RotatingCredentials implements CredentialsProvider, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RotatingCredentials.class);

    private final Set<ProcessorId> processors;
    private final Map<ProcessorId, RotatingSource<ProcessorCredentials>> sources = new EnumMap<>(ProcessorId.class);

    RotatingCredentials(Set<ProcessorId> processors, CredentialsMetrics metrics) {
        this.processors = processors;
        for (ProcessorId id : ProcessorId.values()) {
            sources.put(id, new RotatingSource<>(() -> fetch(id), events(id, metrics)));
        }
    }

    /** Where the processor's credentials live, for messages: a secret name or a folder. */
    abstract String location(ProcessorId processor);

    /** The credentials and a version that changes whenever they do. */
    abstract Versioned<ProcessorCredentials> fetch(ProcessorId processor) throws Exception;

    /**
     * Loads every processor's credentials. A missing or malformed secret stops the start; a source
     * that cannot be reached right now does not: readiness stays down until a later poll succeeds.
     */
    void loadAll() {
        processors.forEach(id -> sources.get(id).load());
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
        sources.get(id).refresh();
    }

    @Override
    public ProcessorCredentials current(String processor) {
        ProcessorId id = ProcessorId.byLabel(processor)
                .orElseThrow(() -> new IllegalArgumentException("Unknown processor " + processor));
        ProcessorCredentials current = sources.get(id).current();
        if (current == null) {
            throw new MissingCredentialsException(id.label(), "credentials", location(id));
        }
        return current;
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
    public void close() {}

    /** One processor's log lines and metrics. */
    private RotatingSource.Events<ProcessorCredentials> events(ProcessorId id, CredentialsMetrics metrics) {
        return new RotatingSource.Events<>() {

            @Override
            public void installed(Versioned<ProcessorCredentials> installed, boolean rotation) {
                metrics.loaded(id, rotation);
                if (rotation) {
                    LOG.infof("%s credentials rotated from %s (version %s)", id, location(id), installed.version());
                }
            }

            @Override
            public void firstReadFailed(Exception failure) {
                if (failure instanceof MalformedSecretException malformed) {
                    throw malformed;
                }
                if (isMissing(failure)) {
                    throw new MalformedSecretException(location(id), "cannot be read (" + describe(failure) + ")");
                }
                metrics.refreshed(id, false);
                LOG.warnf(
                        "%s credentials from %s not available yet (%s); not ready until they are",
                        id, location(id), describe(failure));
            }

            @Override
            public void refreshed() {
                metrics.refreshed(id, true);
            }

            @Override
            public void refreshFailed(Exception failure) {
                metrics.refreshed(id, false);
                LOG.warnf(
                        "Refreshing %s credentials from %s failed (%s); the last good credentials stay in use",
                        id, location(id), describe(failure));
            }
        };
    }
}
