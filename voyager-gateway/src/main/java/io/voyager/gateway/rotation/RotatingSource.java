package io.voyager.gateway.rotation;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A value read from a source that can change while we run, such as a secret. A read that brings a
 * new version replaces the value whole, so a caller that takes {@link #current()} once keeps a
 * consistent value; a read that fails or yields something malformed keeps the last good one.
 * Every outcome is told to the owner's {@link Events}, which log and count it: rotations (a new
 * version replacing one in use) apart from first loads, and failed refreshes.
 *
 * <p>It does not schedule itself: the owner calls {@link #refresh()} from its {@link Poller}, a
 * file watch or a request that found the value refused.
 *
 * @param <T> the value; it is never logged here
 */
public final class RotatingSource<T> {

    /** What a read brought: the value and a version that changes whenever it does. */
    public record Versioned<T>(T value, String version) {}

    /** Reads the source. A malformed value is an exception, as an unreachable source is. */
    @FunctionalInterface
    public interface Source<T> {

        Versioned<T> fetch() throws Exception;
    }

    /** What happened, for the owner's logs and metrics. */
    public interface Events<T> {

        /** A version other than the one in use was installed; {@code rotation}: it replaced one. */
        void installed(Versioned<T> installed, boolean rotation);

        /**
         * The first read failed. Throwing stops the start (a secret that does not exist or is
         * malformed); returning leaves the value absent until a refresh works.
         */
        void firstReadFailed(Exception failure);

        /** A refresh worked, whether or not it brought a new version. */
        default void refreshed() {}

        /** A refresh failed; the last good value stays in use. */
        void refreshFailed(Exception failure);
    }

    private final Source<T> source;
    private final Events<T> events;
    private final AtomicReference<Versioned<T>> loaded = new AtomicReference<>();

    public RotatingSource(Source<T> source, Events<T> events) {
        this.source = source;
        this.events = events;
    }

    /** The first read, at start; a failure goes to {@link Events#firstReadFailed}, which may throw. */
    public void load() {
        Versioned<T> fetched;
        try {
            fetched = source.fetch();
        } catch (Exception e) {
            events.firstReadFailed(e);
            return;
        }
        install(fetched);
    }

    /** Reads the source again; failures go to {@link Events#refreshFailed}, never to the caller. */
    public void refresh() {
        try {
            install(source.fetch());
            events.refreshed();
        } catch (Exception e) {
            events.refreshFailed(e);
        }
    }

    private synchronized void install(Versioned<T> fetched) {
        Versioned<T> previous = loaded.get();
        if (previous != null && previous.version().equals(fetched.version())) {
            return;
        }
        loaded.set(fetched);
        events.installed(fetched, previous != null);
    }

    /** The value in use; null until a read worked. */
    public T current() {
        Versioned<T> current = loaded.get();
        return current == null ? null : current.value();
    }
}
