package io.voyager.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Outcomes per target per wall-clock interval, written as CSV lines once an interval is over:
 * {@code start_ms,target,requests,succeeded,failed,p99_ms}. A canary rehearsal lines these up with the
 * controller's decisions, so intervals start at multiples of the interval in epoch milliseconds, and a
 * request counts in the interval in which it completed.
 */
public final class TargetTimeline {

    public static final String HEADER = "start_ms,target,requests,succeeded,failed,p99_ms";
    private static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

    private final int targets;
    private final long intervalMillis;
    private final Writer out;
    private final TreeMap<Long, Bucket[]> open = new TreeMap<>();

    public TargetTimeline(int targets, long intervalMillis, Writer out) {
        if (targets < 1 || intervalMillis < 1) {
            throw new IllegalArgumentException("need at least one target and a positive interval");
        }
        this.targets = targets;
        this.intervalMillis = intervalMillis;
        this.out = out;
        write(HEADER + "\n");
    }

    public synchronized void record(int target, boolean succeeded, long latencyNanos, long completedAtMillis) {
        long start = Math.floorDiv(completedAtMillis, intervalMillis) * intervalMillis;
        Bucket bucket = open.computeIfAbsent(start, k -> new Bucket[targets])[target];
        if (bucket == null) {
            bucket = new Bucket();
            open.get(start)[target] = bucket;
        }
        bucket.add(succeeded, latencyNanos);
    }

    /** Writes every interval that ended at or before {@code nowMillis}. */
    public synchronized void flush(long nowMillis) {
        Iterator<Map.Entry<Long, Bucket[]>> it = open.entrySet().iterator();
        StringBuilder lines = new StringBuilder();
        while (it.hasNext()) {
            Map.Entry<Long, Bucket[]> interval = it.next();
            if (interval.getKey() + intervalMillis > nowMillis) {
                break;
            }
            Bucket[] buckets = interval.getValue();
            for (int target = 0; target < targets; target++) {
                Bucket b = buckets[target] == null ? new Bucket() : buckets[target];
                lines.append(String.format(
                        Locale.ROOT,
                        "%d,%d,%d,%d,%d,%.1f%n",
                        interval.getKey(),
                        target,
                        b.succeeded + b.failed,
                        b.succeeded,
                        b.failed,
                        b.latency.getTotalCount() == 0 ? 0.0 : b.latency.getValueAtPercentile(99) / 1e6));
            }
            it.remove();
        }
        if (!lines.isEmpty()) {
            write(lines.toString());
        }
    }

    private void write(String text) {
        try {
            out.write(text);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Bucket {
        final Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        long succeeded;
        long failed;

        void add(boolean ok, long latencyNanos) {
            if (ok) {
                succeeded++;
            } else {
                failed++;
            }
            latency.recordValue(Math.min(Math.max(latencyNanos, 0), HIGHEST_TRACKABLE_NANOS));
        }
    }
}
