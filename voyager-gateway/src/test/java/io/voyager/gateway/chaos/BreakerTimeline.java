package io.voyager.gateway.chaos;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.voyager.gateway.processor.ProcessorId;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Samples every breaker's state (and the JVM's thread count) while a scenario runs, keeping the changes. */
final class BreakerTimeline implements AutoCloseable {

    private static final long SAMPLE_MS = 20;

    record Change(long atMillis, ProcessorId processor, String state) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "t+%5d ms  %-11s %s", atMillis, processor.label(), state);
        }
    }

    private final CircuitBreakerMaintenance breakers;
    private final long start = System.nanoTime();
    private final List<Change> changes = new ArrayList<>();
    private final Map<ProcessorId, CircuitBreakerState> last = new EnumMap<>(ProcessorId.class);
    private final int threadsAtStart = ManagementFactory.getThreadMXBean().getThreadCount();
    private volatile int peakThreads = threadsAtStart;
    private volatile boolean running = true;
    private final Thread sampler;

    BreakerTimeline(CircuitBreakerMaintenance breakers) {
        this.breakers = breakers;
        sample();
        sampler = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(SAMPLE_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "chaos-breaker-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sample() {
        long at = (System.nanoTime() - start) / 1_000_000;
        for (ProcessorId id : ProcessorId.values()) {
            CircuitBreakerState state = breakers.currentState(id.label());
            if (state != last.get(id)) {
                last.put(id, state);
                changes.add(new Change(at, id, state.name().toLowerCase(Locale.ROOT)));
            }
        }
        peakThreads = Math.max(peakThreads, ManagementFactory.getThreadMXBean().getThreadCount());
    }

    synchronized List<String> statesOf(ProcessorId processor) {
        return changes.stream()
                .filter(change -> change.processor() == processor)
                .map(Change::state)
                .toList();
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    int threadsAtStart() {
        return threadsAtStart;
    }

    int peakThreads() {
        return peakThreads;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1_000);
        sample();
    }
}
