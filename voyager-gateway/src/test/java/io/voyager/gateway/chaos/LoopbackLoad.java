package io.voyager.gateway.chaos;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Open-model load on loopback: request i leaves at {@code start + i / rate} whatever the server
 * does, and its latency counts from that intended instant, so a stalled server cannot hide the
 * requests it delayed. In-flight requests are bounded; beyond the bound a request is counted as
 * shed, never queued without limit. The project's load driver (loadtest/driver) works the same way,
 * but the gateway does not depend on it: the rehearsal and the benchmarks build the gateway alone.
 */
final class LoopbackLoad {

    static final String APPROVED = "approved";
    static final String DECLINED = "declined";
    static final String SHED = "shed by client";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_IN_FLIGHT = 256;

    /** What one stream sent and got back. */
    record Report(long sent, Map<String, Long> outcomes, long[] latencyMicros, long elapsedMillis) {

        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        long succeeded() {
            return count(APPROVED) + count(DECLINED);
        }

        long completed() {
            return sent - count(SHED);
        }

        long failed() {
            return sent - succeeded();
        }

        double latencyMillis(double percentile) {
            if (latencyMicros.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * latencyMicros.length) - 1;
            return latencyMicros[Math.max(0, Math.min(rank, latencyMicros.length - 1))] / 1000.0;
        }

        String toText() {
            return String.format(
                    Locale.ROOT,
                    "sent %d, succeeded %d, failed %d %s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sent,
                    succeeded(),
                    failed(),
                    outcomes,
                    latencyMillis(50),
                    latencyMillis(99),
                    latencyMillis(100));
        }
    }

    private LoopbackLoad() {}

    static Report run(URI base, LongFunction<HttpRequest.Builder> requests, double ratePerSecond, Duration duration)
            throws InterruptedException {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        long total = (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder()
                .executor(callbacks)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long intended = start + Math.round(i * 1e9 / ratePerSecond);
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!inFlight.tryAcquire()) {
                    outcomes.merge(SHED, 1L, Long::sum);
                    done.incrementAndGet();
                    continue;
                }
                HttpRequest request = requests.apply(i).timeout(REQUEST_TIMEOUT).build();
                CompletableFuture<HttpResponse<String>> response =
                        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
                response.whenComplete((answer, failure) -> {
                    latencies.add((System.nanoTime() - intended) / 1000);
                    outcomes.merge(failure == null ? classify(answer) : classify(failure), 1L, Long::sum);
                    inFlight.release();
                    done.incrementAndGet();
                });
            }
            long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() * 2;
            while (done.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (done.get() < total) {
                throw new IllegalStateException("load did not drain: " + done.get() + " of " + total + " answered");
            }
        } finally {
            callbacks.shutdownNow();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Report(total, new TreeMap<>(outcomes), sorted, (System.nanoTime() - start) / 1_000_000);
    }

    private static String classify(HttpResponse<String> response) {
        if (response.statusCode() == 201) {
            return response.body().contains("\"DECLINED\"") ? DECLINED : APPROVED;
        }
        return "http " + response.statusCode();
    }

    private static String classify(Throwable failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (cause instanceof ConnectException) {
            return "connect failed";
        }
        if (cause instanceof HttpTimeoutException) {
            return "client timeout";
        }
        return "io error " + cause.getClass().getSimpleName();
    }
}
