package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.bench.LatencyDetectionCeiling.Spread;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The accuracy benchmark on cluster-like traffic: rollouts drawn pod by pod ({@link ClusterRollout}) under seven
 * traffic conditions ({@link ClusterTraffic#conditions()}), each with an unchanged canary, a canary failing
 * 0.5% -> 1.5% of requests and one 25% slower. The Voyager judge gets each pod's counts as the plugin hands
 * them over; the threshold rule and the Kayenta-style judge get each side's sums, as they use today.
 *
 * <p>Arguments: {@code --seed N --runs N --threads N --markdown FILE}. Every run's random streams derive from
 * the seed, the condition, the scenario and the run index, so the numbers do not depend on the thread count.
 */
public final class ClusterAccuracyBenchmark {
    /** Looks 1-8 of 12: the 5% and 10% steps. */
    static final int EARLY_STEPS = 2;
    /**
     * The deployed template's {@code podWarmUp: 40s} at the simulation's 30 s resolution: about 8 s from process
     * start to readiness, then a canary pod's first interval of traffic left out of its latency.
     */
    static final int WARM_UP_INTERVALS = 1;

    private ClusterAccuracyBenchmark() {}

    /** One row: a condition and a scenario, every run's outcome per judge and what the runs had in common. */
    record Row(
            ClusterTraffic traffic,
            Scenario scenario,
            List<Outcome> outcomes,
            List<List<String>> voyagerCauses,
            boolean[] voyagerPaused,
            int[] burstStart,
            boolean[] burstOnCanary) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = AccuracyBenchmark.options(args);
        long seed = Long.parseLong(options.getOrDefault("seed", "20251128"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "2000"));
        if (runs < 1 || runs >= 10_000_000) {
            throw new IllegalArgumentException(
                    "--runs must be 1..9,999,999 (each run has its own stream), got " + runs);
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int warmUpIntervals =
                Integer.parseInt(options.getOrDefault("warm-up-intervals", Integer.toString(WARM_UP_INTERVALS)));
        TrafficProfile base = TrafficProfile.blackFriday();
        List<ClusterTraffic> conditions = ClusterTraffic.conditions();
        List<Scenario> scenarios = scenarios(base.stableErrorRate());
        VoyagerJudge voyager = new VoyagerJudge(base.looks());
        List<RolloutJudge> others = List.of(new ThresholdRule(), new KayentaStyleJudge());

        long started = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int c = 0; c < conditions.size(); c++) {
                ClusterTraffic traffic = conditions.get(c);
                TrafficProfile profile = traffic.profile(base);
                for (int s = 0; s < scenarios.size(); s++) {
                    Scenario scenario = scenarios.get(s);
                    int[][] looks = new int[1 + others.size()][runs];
                    List<List<String>> causes = new ArrayList<>(java.util.Collections.nCopies(runs, List.<String>of()));
                    boolean[] paused = new boolean[runs];
                    int[] burstStart = new int[runs];
                    boolean[] burstOnCanary = new boolean[runs];
                    int conditionIndex = c;
                    int scenarioIndex = s;
                    pool.submit(() -> IntStream.range(0, runs).parallel().forEach(run -> {
                                ClusterRollout.Environment environment = ClusterRollout.environment(
                                        profile,
                                        traffic,
                                        new SplittableRandom(streamSeed(seed, conditionIndex, -1, run)));
                                ClusterRollout rollout = ClusterRollout.draw(
                                        profile,
                                        traffic,
                                        scenario,
                                        environment,
                                        new SplittableRandom(streamSeed(seed, conditionIndex, scenarioIndex, run)));
                                VoyagerJudge.Judged judged = voyager.judge(
                                        profile.looks(), look -> rollout.sinceStartByPod(look, warmUpIntervals));
                                looks[0][run] = judged.failingLook();
                                causes.set(run, judged.causes());
                                paused[run] = judged.failingLook() == 0 && judged.paused();
                                IntervalData[] sums = rollout.aggregated();
                                for (int j = 0; j < others.size(); j++) {
                                    looks[1 + j][run] = others.get(j).firstFailingLook(profile, sums);
                                }
                                burstStart[run] = environment.burst().firstLook();
                                burstOnCanary[run] = environment.burstOnCanary();
                            }))
                            .get();
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int[] judgeLooks : looks) {
                        outcomes.add(new Outcome(runs, judgeLooks));
                    }
                    rows.add(new Row(traffic, scenario, outcomes, causes, paused, burstStart, burstOnCanary));
                    System.err.printf(
                            Locale.ROOT,
                            "%-26s %-24s done after %.0f s%n",
                            traffic.name(),
                            scenario.name(),
                            (System.nanoTime() - started) / 1e9);
                }
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> judgeNames = new ArrayList<>();
        judgeNames.add(voyager.name());
        others.forEach(j -> judgeNames.add(j.name()));
        String markdown = ClusterResultTable.markdown(base, conditions, judgeNames, rows, seed, runs, threads, seconds)
                + "\nThe Voyager judge compares latency without each canary pod's first " + warmUpIntervals
                + " interval(s) of traffic (the plugin's podWarmUp; --warm-up-intervals " + warmUpIntervals + ").\n"
                + ceiling(voyager, base, warmUpIntervals, seed);
        System.out.println(markdown);
        if (options.containsKey("markdown")) {
            Path out = Path.of(options.get("markdown"));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, markdown);
        }
    }

    /**
     * What a noise-free oracle, at the Voyager judge's latency boundaries and allowed effect, catches of the latency
     * scenario within two steps on heterogeneous pods: knowing the pods' spread, and estimating it from the stable
     * pods as the judge must.
     */
    static String ceiling(VoyagerJudge voyager, TrafficProfile base, int warmUpIntervals, long seed) {
        JudgeConfig config = voyager.config();
        MetricConfig latency = config.metrics().stream()
                .filter(m -> m.kind() == MetricKind.HISTOGRAM)
                .findFirst()
                .orElseThrow();
        double alpha = config.alpha() / config.metrics().size();
        double slowdown = scenarios(base.stableErrorRate()).stream()
                .filter(s -> s.family().equals("latency"))
                .findFirst()
                .orElseThrow()
                .slowdown();
        double allowed = latency.allowedEffect().relative();
        double podSd = ClusterTraffic.POD_LATENCY_LOG_SD;
        int runs = 200_000;
        LatencyDetectionCeiling judged = new LatencyDetectionCeiling(
                base, podSd, slowdown, allowed, alpha, config.spending(), warmUpIntervals, Spread.KNOWN);
        LatencyDetectionCeiling noAllowance = new LatencyDetectionCeiling(
                base, podSd, slowdown, 0.0, alpha, config.spending(), warmUpIntervals, Spread.KNOWN);
        LatencyDetectionCeiling estimating = new LatencyDetectionCeiling(
                base, podSd, slowdown, allowed, alpha, config.spending(), warmUpIntervals, Spread.FROM_STABLE_PODS);
        return String.format(
                Locale.ROOT,
                "%nThe ceiling for latency (LatencyDetectionCeiling, %,d oracle rollouts): a judge that knew the pods'"
                        + " spread exactly (latency x exp(N(0, %.2f)) per pod) and saw every pod's speed with no"
                        + " sampling noise, at this judge's latency boundary of each look and its allowed effect"
                        + " (+%.0f%%), catches p99 +%.0f%% within 2 steps in %.1f%% of rollouts (%.1f%% in the first"
                        + " step); with no allowed effect, %.1f%%. One that must estimate that spread from the %d"
                        + " stable pods, as any judge must (their sample variance, Student's t on %d df), still with no"
                        + " sampling noise: %.1f%% (%.1f%% in the first step).%n",
                runs,
                podSd,
                100 * allowed,
                100 * (slowdown - 1),
                100 * judged.caughtWithin(2, runs, seed),
                100 * judged.caughtWithin(1, runs, seed),
                100 * noAllowance.caughtWithin(2, runs, seed),
                base.stablePodsAt(1),
                base.stablePodsAt(1) - 1,
                100 * estimating.caughtWithin(2, runs, seed),
                100 * estimating.caughtWithin(1, runs, seed));
    }

    static List<Scenario> scenarios(double stableErrorRate) {
        return List.of(
                Scenario.aa(stableErrorRate),
                Scenario.errors(stableErrorRate, 0.015),
                Scenario.latency(stableErrorRate, 0.25));
    }

    /** The seed of one run's stream; scenario -1 is the environment's (pods and burst), shared by the scenarios. */
    static long streamSeed(long seed, int condition, int scenario, int run) {
        return seed * 1_000_003L + condition * 100_000_000L + (scenario + 1) * 10_000_000L + run;
    }
}
