package io.voyager.gateway.chaos;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One chaos run: open-model load streams in parallel (one {@link LoopbackLoad} each), a fault script on a
 * clock, and the breaker timeline. The report (sent, succeeded, failed by reason, p99 per stream,
 * breaker changes, threads) is printed and kept in target/chaos/&lt;name&gt;.txt.
 */
final class ChaosScenario {

    /** {@code -Dvoyager.chaos.long=true}: the long variants (faults held 60 s). */
    static final boolean LONG = Boolean.getBoolean("voyager.chaos.long");

    private static final long DRAIN_SECONDS = 40;
    /** Unmeasured load first, so class loading, JIT and connection pools are not counted as chaos. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    record Step(Duration at, String what, Runnable action) {}

    record Result(Map<String, LoopbackLoad.Report> streams, BreakerTimeline timeline, String text) {
        LoopbackLoad.Report stream(String name) {
            return streams.get(name);
        }

        long completed() {
            return streams.values().stream()
                    .mapToLong(LoopbackLoad.Report::completed)
                    .sum();
        }
    }

    private final String name;
    private final Map<String, String> streams = new LinkedHashMap<>();
    private final List<Step> script = new ArrayList<>();
    private double ratePerStream = 20;
    private Duration duration = Duration.ofSeconds(10);
    private Runnable atStart = () -> {};

    ChaosScenario(String name) {
        this.name = name;
    }

    /** A stream of approvals in this currency. */
    ChaosScenario stream(String label, String currency) {
        streams.put(label, currency);
        return this;
    }

    ChaosScenario rate(double perStreamPerSecond) {
        this.ratePerStream = perStreamPerSecond;
        return this;
    }

    ChaosScenario lasting(Duration runFor) {
        this.duration = runFor;
        return this;
    }

    /** Runs after the warm-up, just before the measured load: where a test reads its counters. */
    ChaosScenario atStart(Runnable snapshot) {
        this.atStart = snapshot;
        return this;
    }

    ChaosScenario at(Duration when, String what, Runnable action) {
        script.add(new Step(when, what, action));
        return this;
    }

    Result run(int gatewayPort, CircuitBreakerMaintenance breakers) throws Exception {
        URI gateway = URI.create("http://127.0.0.1:" + gatewayPort);
        ExecutorService drivers = Executors.newFixedThreadPool(streams.size());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Map<String, LoopbackLoad.Report> reports = new LinkedHashMap<>();
        List<Future<LoopbackLoad.Report>> warming = new ArrayList<>();
        streams.values()
                .forEach(currency -> warming.add(drivers.submit(() -> LoopbackLoad.run(
                        gateway, new CurrencyRequests(gateway, name + "-warm", currency), ratePerStream, WARM_UP))));
        for (Future<LoopbackLoad.Report> warm : warming) {
            warm.get(WARM_UP.toSeconds() + DRAIN_SECONDS, TimeUnit.SECONDS);
        }
        breakers.resetAll();
        atStart.run();
        BreakerTimeline timeline = new BreakerTimeline(breakers);
        try {
            Map<String, Future<LoopbackLoad.Report>> running = new LinkedHashMap<>();
            streams.forEach((label, currency) -> running.put(
                    label,
                    drivers.submit(() -> LoopbackLoad.run(
                            gateway, new CurrencyRequests(gateway, name, currency), ratePerStream, duration))));
            for (Step step : script) {
                clock.schedule(step.action(), step.at().toMillis(), TimeUnit.MILLISECONDS);
            }
            long boundSeconds = duration.toSeconds() + DRAIN_SECONDS;
            for (Map.Entry<String, Future<LoopbackLoad.Report>> stream : running.entrySet()) {
                reports.put(stream.getKey(), stream.getValue().get(boundSeconds, TimeUnit.SECONDS));
            }
        } finally {
            clock.shutdownNow();
            drivers.shutdownNow();
            timeline.close();
        }
        String text = describe(reports, timeline);
        System.out.println(text);
        Path file = Path.of("target", "chaos", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(reports, timeline, text);
    }

    private String describe(Map<String, LoopbackLoad.Report> reports, BreakerTimeline timeline) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "== chaos: %s (%s variant): %.0f req/s per stream for %d s%n",
                name,
                LONG ? "long" : "quick",
                ratePerStream,
                duration.toSeconds()));
        for (Step step : script) {
            out.append(String.format(
                    Locale.ROOT, "  fault at t+%d ms: %s%n", step.at().toMillis(), step.what()));
        }
        reports.forEach(
                (label, report) -> out.append("-- ").append(label).append(": ").append(report.toText()));
        out.append("-- breaker timeline:\n");
        timeline.changes().forEach(change -> out.append("  ").append(change).append('\n'));
        out.append(String.format(
                Locale.ROOT,
                "-- JVM threads: %d at start, peak %d%n",
                timeline.threadsAtStart(),
                timeline.peakThreads()));
        return out.toString();
    }
}
