package io.voyager.loadtest;

import java.time.Duration;

/**
 * When each request of an open-model run is meant to leave: the i-th request at
 * {@code start + i / rate}. Latency is measured from these instants, not from the
 * moment the request was actually written, so a stalled server cannot hide the
 * requests it delayed (coordinated omission).
 */
public record ArrivalSchedule(double ratePerSecond, Duration duration) {

    public ArrivalSchedule {
        if (!(ratePerSecond > 0) || ratePerSecond > LoadPlan.MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException(
                    "rate must be in (0, " + LoadPlan.MAX_RATE_PER_SECOND + "] req/s, got " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LoadPlan.MAX_DURATION) > 0) {
            throw new IllegalArgumentException(
                    "duration must be in (0, " + LoadPlan.MAX_DURATION + "], got " + duration);
        }
    }

    public long totalRequests() {
        return (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
    }

    /** Nanoseconds after the start at which request {@code index} is due. */
    public long offsetNanos(long index) {
        return Math.round(index * (1e9 / ratePerSecond));
    }

    /** How many requests are due by {@code elapsedNanos} after the start, capped at the total. */
    public long dueBy(long elapsedNanos) {
        long due = (long) Math.floor(elapsedNanos * ratePerSecond / 1e9) + 1;
        return Math.min(Math.max(due, 0), totalRequests());
    }
}
