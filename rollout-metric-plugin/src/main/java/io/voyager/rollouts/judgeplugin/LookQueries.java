package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.prometheus.PrometheusException;
import io.voyager.rollouts.prometheus.Sample;
import io.voyager.rollouts.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A look's Prometheus queries, sent at once on at most {@link #MAX_CONCURRENT} connections, so a look takes
 * about as long as its slowest query rather than the sum of all of them. Each query keeps the client's own
 * timeout, and all of them together the look's deadline: a query that has not answered by then fails the look,
 * naming every query still without an answer. Closing cancels whatever is still running (a look that failed on
 * one query needs no other) and waits for its threads to end.
 * Across all the looks the plugin runs at once (Argo calls it for every AnalysisRun), the queries in flight
 * are limited by the heap: each may hold a body of up to {@link PrometheusClient#MAX_BODY_BYTES} and its
 * parse, so one query is allowed per {@link #HEAP_PER_QUERY} of maximum heap (16 on the launcher's 128 MB).
 */
final class LookQueries implements AutoCloseable {
    /** Enough for the gateway's defaults (6 queries) at once, few enough not to crowd a shared Prometheus. */
    static final int MAX_CONCURRENT = 8;

    static final long HEAP_PER_QUERY = 2 * PrometheusClient.MAX_BODY_BYTES;
    /** How long closing waits for cancelled queries to let go of their threads. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    /** Made on first use, so it reads the heap of the process that runs (not of a build that ran before). */
    private static final AtomicReference<Semaphore> IN_PROCESS = new AtomicReference<>();

    /** A query on its way; {@link #get} waits for it and hands back its failure as it was thrown. */
    interface Pending<T> {
        T get() throws PrometheusException;
    }

    private final PrometheusClient client;
    private final ExecutorService pool;
    private final Duration deadline;
    private final long deadlineNanos;
    private final String target;
    /** Every query sent, by what it fetches, in the order sent. */
    private final Map<Future<?>, String> sent = new LinkedHashMap<>();

    /**
     * @param deadline from now, for all the queries of the look
     * @param target where the queries go, for the deadline's message
     */
    LookQueries(PrometheusClient client, Duration deadline, String target) {
        this.client = client;
        this.deadline = deadline;
        this.deadlineNanos = System.nanoTime() + deadline.toNanos();
        this.target = target;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(MAX_CONCURRENT, task -> {
            Thread t = new Thread(task, "prometheus-query-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @param what what the query fetches, as the deadline's message names it */
    Pending<List<Sample>> instant(String what, String promql, Instant at) {
        return submit(what, () -> client.query(promql, at));
    }

    Pending<List<Series>> range(String what, String promql, Instant start, Instant end, Duration step) {
        return submit(what, () -> client.queryRange(promql, start, end, step));
    }

    private <T> Pending<T> submit(String what, Callable<T> query) {
        Semaphore inProcess = inProcess();
        Future<T> future = pool.submit(() -> {
            inProcess.acquire();
            try {
                return query.call();
            } finally {
                inProcess.release();
            }
        });
        sent.put(future, what);
        return () -> {
            try {
                return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new PrometheusException(deadlinePassed(future));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrometheusException("interrupted while waiting for Prometheus", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PrometheusException p) {
                    throw p;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new PrometheusException("query failed: " + e.getCause(), e.getCause());
            }
        };
    }

    /** Names the queries without an answer, the one waited for among them. */
    private String deadlinePassed(Future<?> waitedFor) {
        List<String> unanswered = new ArrayList<>();
        sent.forEach((future, what) -> {
            if (future == waitedFor || !future.isDone()) {
                unanswered.add(what);
            }
        });
        return "deadline " + Durations.format(deadline) + " passed without an answer from " + target + " to "
                + unanswered.size() + " of " + sent.size() + " queries: " + String.join(", ", unanswered);
    }

    private static Semaphore inProcess() {
        Semaphore existing = IN_PROCESS.get();
        if (existing != null) {
            return existing;
        }
        int permits = (int) Math.max(1, Math.min(64, Runtime.getRuntime().maxMemory() / HEAP_PER_QUERY));
        IN_PROCESS.compareAndSet(null, new Semaphore(permits, true));
        return IN_PROCESS.get();
    }

    /** Interrupts the queries still running (each cancels its HTTP exchange) and waits for their threads to end. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
