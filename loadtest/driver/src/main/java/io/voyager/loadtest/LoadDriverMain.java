package io.voyager.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line: {@code java -jar loadtest/driver/target/load-driver.jar --rate 2000 --duration 30s
 * [--target http://127.0.0.1:8080=95 --target http://127.0.0.1:8081=5] [--json]
 * [--weights-file weights.txt] [--timeline timeline.csv --timeline-interval 1s] [--warmup 3s]}.
 * Exits 0 when the run completed, whatever the outcomes; 2 on bad arguments.
 */
public final class LoadDriverMain {

    private LoadDriverMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<URI> targets = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        double rate = 100;
        Duration duration = Duration.ofSeconds(10);
        Duration timeout = Duration.ofSeconds(5);
        int connections = 64;
        int maxInFlight = 20_000;
        long seed = 1;
        String merchantKey = System.getenv("MERCHANT_API_KEY");
        boolean json = false;
        Path weightsPath = null;
        Path timelinePath = null;
        Duration timelineInterval = Duration.ofSeconds(10);
        Duration warmup = Duration.ZERO;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--target" -> {
                        String[] parts = value(args, ++i).split("=", 2);
                        targets.add(URI.create(parts[0]));
                        weights.add(parts.length == 2 ? Integer.parseInt(parts[1]) : 1);
                    }
                    case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                    case "--duration" -> duration = parseDuration(value(args, ++i));
                    case "--timeout" -> timeout = parseDuration(value(args, ++i));
                    case "--connections" -> connections = Integer.parseInt(value(args, ++i));
                    case "--max-in-flight" -> maxInFlight = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--json" -> json = true;
                    case "--weights-file" -> weightsPath = Path.of(value(args, ++i));
                    case "--timeline" -> timelinePath = Path.of(value(args, ++i));
                    case "--timeline-interval" -> timelineInterval = parseDuration(value(args, ++i));
                    case "--warmup" -> warmup = parseDuration(value(args, ++i));
                    case "--help", "-h" -> {
                        System.out.println(usage());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (targets.isEmpty()) {
                targets.add(URI.create("http://127.0.0.1:8080"));
                weights.add(1);
            }
            LoadPlan plan = new LoadPlan(
                    new ArrivalSchedule(rate, duration),
                    new TrafficSplit(
                            targets,
                            weights.stream().mapToInt(Integer::intValue).toArray()),
                    new AuthorizationRequests(seed, "ld" + Long.toString(System.currentTimeMillis(), 36), merchantKey),
                    timeout,
                    connections,
                    maxInFlight);
            System.err.printf(
                    Locale.ROOT,
                    "load-driver: %.0f req/s for %s (after a %s warm-up) against %s%n",
                    rate,
                    duration,
                    warmup,
                    targets);
            OpenModelDriver driver = new OpenModelDriver(plan).warmUpFor(warmup);
            if (weightsPath != null) {
                driver.followWeights(new WeightsFile(weightsPath));
            }
            try (Writer timelineOut =
                    timelinePath == null ? null : Files.newBufferedWriter(timelinePath, StandardCharsets.UTF_8)) {
                if (timelineOut != null) {
                    driver.recordTimeline(new TargetTimeline(targets.size(), timelineInterval.toMillis(), timelineOut));
                }
                LoadReport report = driver.run();
                System.out.print(json ? report.toJson() + "\n" : report.toText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("bad duration " + text + " (use 500ms, 30s, 2m, 1h)");
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("bad duration " + text + " (use 500ms, 30s, 2m, 1h)", e);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String usage() {
        return """
                usage: load-driver [--target URL[=WEIGHT]]... [--rate REQ_PER_S] [--duration 30s]
                                   [--timeout 5s] [--connections 64] [--max-in-flight 20000] [--seed N] [--json]
                                   [--weights-file FILE] [--timeline FILE.csv] [--timeline-interval 10s]
                                   [--warmup 0s]
                Sends authorizations at a constant arrival rate to loopback targets only, split by weight,
                and prints outcomes and latency measured from each request's intended send time.
                --weights-file: one weight per target (e.g. "95 95 10"), re-read every 100 ms during the run.
                --timeline: per target and interval, requests, successes, failures and p99, as CSV.
                --warmup: traffic at the same rate before the run, on the same connections, left out of the report.""";
    }
}
