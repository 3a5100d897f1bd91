package io.voyager.gateway.rotation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** Runs a poll on its own daemon thread one interval from now, then one interval after each run ends, until closed. */
public final class Poller implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private Poller(String threadName, Duration interval, Runnable poll) {
        executor = Executors.newSingleThreadScheduledExecutor(daemon(threadName));
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    public static Poller every(Duration interval, String threadName, Runnable poll) {
        return new Poller(threadName, interval, poll);
    }

    /** Threads that do not keep the process alive, all with the given name. */
    public static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
