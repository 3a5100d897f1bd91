package io.voyager.loadtest;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a run did: requests sent, outcomes by reason, latency from the intended send
 * time, and which version answered (the gateway's {@code X-Voyager-Version}).
 */
public final class LoadReport {

    /** Outcomes that mean the system did its job; a decline is a business answer. */
    public static final String APPROVED = "approved";

    public static final String DECLINED = "declined";

    private static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

    private final ConcurrentHistogram latencyNanos = new ConcurrentHistogram(HIGHEST_TRACKABLE_NANOS, 3);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> versions = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private volatile long elapsedNanos;

    void recordSent() {
        sent.increment();
    }

    void recordCompletion(String outcome, String version, long latency) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        if (version != null) {
            versions.computeIfAbsent(version, k -> new LongAdder()).increment();
        }
        latencyNanos.recordValue(Math.min(Math.max(latency, 0), HIGHEST_TRACKABLE_NANOS));
    }

    void finish(long elapsed) {
        this.elapsedNanos = elapsed;
    }

    public long sent() {
        return sent.sum();
    }

    public long count(String outcome) {
        LongAdder adder = outcomes.get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    public long succeeded() {
        return count(APPROVED) + count(DECLINED);
    }

    public long completed() {
        return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long failed() {
        return completed() - succeeded();
    }

    public Map<String, Long> outcomes() {
        Map<String, Long> copy = new TreeMap<>();
        outcomes.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public Map<String, Long> versions() {
        Map<String, Long> copy = new TreeMap<>();
        versions.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Latency at a percentile (0..100) in milliseconds, from the intended send time. */
    public double latencyMillis(double percentile) {
        return latencyNanos.getValueAtPercentile(percentile) / 1e6;
    }

    public double maxLatencyMillis() {
        return latencyNanos.getMaxValue() / 1e6;
    }

    public double achievedRatePerSecond() {
        return elapsedNanos == 0 ? 0 : completed() * 1e9 / elapsedNanos;
    }

    public Histogram latencyHistogram() {
        return latencyNanos.copy();
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "sent %d, completed %d, succeeded %d, failed %d, %.1f req/s over %.1f s%n",
                sent(),
                completed(),
                succeeded(),
                failed(),
                achievedRatePerSecond(),
                elapsedNanos / 1e9));
        outcomes().forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-24s %d%n", k, v)));
        out.append(String.format(
                Locale.ROOT,
                "latency from intended send (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                latencyMillis(50),
                latencyMillis(90),
                latencyMillis(99),
                latencyMillis(99.9),
                maxLatencyMillis()));
        if (!versions.isEmpty()) {
            out.append("answered by version: ").append(versions()).append('\n');
        }
        return out.toString();
    }

    public String toJson() {
        StringBuilder out = new StringBuilder("{");
        out.append(String.format(
                Locale.ROOT,
                "\"sent\":%d,\"completed\":%d,\"succeeded\":%d,\"failed\":%d,\"ratePerSecond\":%.2f,"
                        + "\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"maxMs\":%.3f,",
                sent(),
                completed(),
                succeeded(),
                failed(),
                achievedRatePerSecond(),
                latencyMillis(50),
                latencyMillis(90),
                latencyMillis(99),
                latencyMillis(99.9),
                maxLatencyMillis()));
        out.append("\"outcomes\":").append(jsonObject(outcomes())).append(',');
        out.append("\"versions\":").append(jsonObject(versions())).append('}');
        return out.toString();
    }

    private static String jsonObject(Map<String, Long> map) {
        StringBuilder out = new StringBuilder("{");
        map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(k.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\":")
                .append(v));
        return out.append('}').toString();
    }
}
