package io.voyager.rollouts.judge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Compares the Voyager judge with the original threshold rule and a Kayenta-style judge on the same
 * simulated rollouts at the Black Friday profile, and writes a Markdown table and a PNG plot.
 *
 * <p>Arguments: {@code --seed N --runs N --threads N --markdown FILE --png FILE}. Every run's random
 * stream is derived from the seed, the scenario and the run index, so the numbers do not depend on the
 * thread count.
 */
public final class AccuracyBenchmark {
    private AccuracyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long seed = Long.parseLong(options.getOrDefault("seed", "20251128"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "1000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        TrafficProfile profile = TrafficProfile.blackFriday();
        List<Scenario> scenarios = scenarios(profile.stableErrorRate());
        VoyagerJudge voyager = new VoyagerJudge(profile.looks());
        List<RolloutJudge> judges = List.of(voyager, new ThresholdRule(), new KayentaStyleJudge());

        long started = System.nanoTime();
        Map<Scenario, List<Outcome>> results = new LinkedHashMap<>();
        Map<Scenario, Integer> inconclusive = new LinkedHashMap<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int s = 0; s < scenarios.size(); s++) {
                Scenario scenario = scenarios.get(s);
                int before = voyager.inconclusiveRuns();
                int[][] looks = new int[judges.size()][runs];
                int scenarioIndex = s;
                pool.submit(() -> IntStream.range(0, runs).parallel().forEach(run -> {
                            SplittableRandom random =
                                    new SplittableRandom(seed * 1_000_003L + scenarioIndex * 100_000L + run);
                            IntervalData[] intervals = SimulatedRollout.draw(profile, scenario, random);
                            for (int j = 0; j < judges.size(); j++) {
                                looks[j][run] = judges.get(j).firstFailingLook(profile, intervals);
                            }
                        }))
                        .get();
                List<Outcome> outcomes = new ArrayList<>();
                for (int j = 0; j < judges.size(); j++) {
                    outcomes.add(new Outcome(runs, looks[j]));
                }
                results.put(scenario, outcomes);
                inconclusive.put(scenario, voyager.inconclusiveRuns() - before);
                System.err.printf(
                        Locale.ROOT, "%-40s done after %.0f s%n", scenario.name(), (System.nanoTime() - started) / 1e9);
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String markdown = ResultTable.markdown(profile, judges, results, inconclusive, seed, runs, threads, seconds);
        System.out.println(markdown);
        if (options.containsKey("markdown")) {
            Files.writeString(Path.of(options.get("markdown")), markdown);
        }
        if (options.containsKey("png")) {
            DetectionPlot.write(Path.of(options.get("png")), judges, results, runs, seed);
        }
    }

    static List<Scenario> scenarios(double stableErrorRate) {
        return List.of(
                Scenario.aa(stableErrorRate),
                Scenario.errors(stableErrorRate, 0.006),
                Scenario.errors(stableErrorRate, 0.0075),
                Scenario.errors(stableErrorRate, 0.010),
                Scenario.errors(stableErrorRate, 0.015),
                Scenario.errors(stableErrorRate, 1.0),
                Scenario.latency(stableErrorRate, 0.05),
                Scenario.latency(stableErrorRate, 0.10),
                Scenario.latency(stableErrorRate, 0.25),
                Scenario.latency(stableErrorRate, 1.00),
                Scenario.spread(stableErrorRate, 1.25),
                Scenario.spread(stableErrorRate, 1.5),
                Scenario.spread(stableErrorRate, 2.0),
                Scenario.spread(stableErrorRate, 3.0));
    }

    /** {@code --name value} pairs, in order. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
