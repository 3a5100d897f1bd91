package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.prometheus.PrometheusException;
import io.voyager.rollouts.prometheus.Sample;
import io.voyager.rollouts.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A look's Prometheus queries, sent at once on at most {@link #MAX_CONCURRENT} connections, so a look takes
 * about as long as its slowest query rather than the sum of all of them. Each query keeps the client's own
 * timeout; closing cancels whatever is still running (a look that failed on one query needs no other).
 * Across all the looks the plugin runs at once (Argo calls it for every AnalysisRun), the queries in flight
 * are limited by the heap: each may hold a body of up to {@link PrometheusClient#MAX_BODY_BYTES} and its
 * parse, so one query is allowed per {@link #HEAP_PER_QUERY} of maximum heap (16 on the launcher's 128 MB).
 */
final class LookQueries implements AutoCloseable {
    /** Enough for the gateway's defaults (6 queries) at once, few enough not to crowd a shared Prometheus. */
    static final int MAX_CONCURRENT = 8;
    static final long HEAP_PER_QUERY = 2 * PrometheusClient.MAX_BODY_BYTES;
    /** Made on first use, so it reads the heap of the process that runs (not of a build that ran before). */
    private static final AtomicReference<Semaphore> IN_PROCESS = new AtomicReference<>();

    /** A query on its way; {@link #get} waits for it and hands back its failure as it was thrown. */
    interface Pending<T> {
        T get() throws PrometheusException;
    }

    private final PrometheusClient client;
    private final ExecutorService pool;

    LookQueries(PrometheusClient client) {
        this.client = client;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(MAX_CONCURRENT, task -> {
            Thread t = new Thread(task, "prometheus-query-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Pending<List<Sample>> instant(String promql, Instant at) {
        return submit(() -> client.query(promql, at));
    }

    Pending<List<Series>> range(String promql, Instant start, Instant end, Duration step) {
        return submit(() -> client.queryRange(promql, start, end, step));
    }

    private <T> Pending<T> submit(Callable<T> query) {
        Semaphore inProcess = inProcess();
        Future<T> future = pool.submit(() -> {
            inProcess.acquire();
            try {
                return query.call();
            } finally {
                inProcess.release();
            }
        });
        return () -> {
            try {
                return future.get();
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

    private static Semaphore inProcess() {
        Semaphore existing = IN_PROCESS.get();
        if (existing != null) {
            return existing;
        }
        int permits = (int) Math.max(1, Math.min(64, Runtime.getRuntime().maxMemory() / HEAP_PER_QUERY));
        IN_PROCESS.compareAndSet(null, new Semaphore(permits, true));
        return IN_PROCESS.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
