package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.ProportionInterval;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster-like benchmark's Markdown: one row per condition and scenario; per judge the share of rollouts
 * failed and the share failed within the first two steps, each with its 95% Wilson interval and, where the row
 * has a goal, whether it is met.
 */
final class ClusterResultTable {
    static final double FALSE_FAILURE_GOAL = 0.01;
    static final double DETECTION_GOAL = 0.95;
    private static final double Z95 = 1.959963984540054;

    private ClusterResultTable() {}

    static String markdown(
            TrafficProfile base,
            List<ClusterTraffic> conditions,
            List<String> judges,
            List<ClusterAccuracyBenchmark.Row> rows,
            long seed,
            int runs,
            int threads,
            double seconds) {
        int early = ClusterAccuracyBenchmark.EARLY_STEPS * base.looksPerStep();
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%d seeded rollouts per row (seed %d), %d threads, %.0f s in total. Each rollout: %d pods, canary at %s "
                        + "for %d looks of %d s each (%d looks); \"within 2 steps\" = failed at looks 1-%d. Goals: A/A "
                        + "failed <= %.0f%%, a regression failed within 2 steps >= %.0f%%; ✓ met, ✗ not met (by the "
                        + "share), ? when the 95%% interval still holds the goal's bound.%n%n",
                runs,
                seed,
                threads,
                seconds,
                base.pods(),
                weights(base),
                base.looksPerStep(),
                base.intervalSeconds(),
                base.looks(),
                early,
                100 * FALSE_FAILURE_GOAL,
                100 * DETECTION_GOAL));
        s.append("Conditions:\n");
        for (ClusterTraffic c : conditions) {
            s.append("- ")
                    .append(c.name())
                    .append(": ")
                    .append(describe(c, base))
                    .append('\n');
        }
        s.append('\n');
        s.append("| Traffic | Scenario |");
        for (String judge : judges) {
            s.append(' ').append(judge).append(": failed | ").append(judge).append(": within 2 steps |");
        }
        s.append(" What failed the Voyager judge | Voyager Inconclusive |\n|---|---|");
        judges.forEach(j -> s.append("---|---|"));
        s.append("---|---|\n");
        ClusterTraffic previous = null;
        for (ClusterAccuracyBenchmark.Row row : rows) {
            boolean aa = "A/A".equals(row.scenario().family());
            s.append("| ")
                    .append(row.traffic() == previous ? "" : row.traffic().name())
                    .append(" | ")
                    .append(row.scenario().name())
                    .append(" |");
            previous = row.traffic();
            for (Outcome outcome : row.outcomes()) {
                int failed = outcome.detected();
                int within = outcome.detectedBy(early);
                s.append(' ')
                        .append(share(failed, runs))
                        .append(aa ? mark(failed, runs, true) : "")
                        .append(" |");
                s.append(' ')
                        .append(share(within, runs))
                        .append(aa ? "" : mark(within, runs, false))
                        .append(" |");
            }
            s.append(' ').append(causes(row, runs)).append(" | ");
            int paused = 0;
            for (boolean p : row.voyagerPaused()) {
                paused += p ? 1 : 0;
            }
            s.append(String.format(Locale.ROOT, "%.1f%% |%n", 100.0 * paused / runs));
        }
        return s.toString();
    }

    static String share(int count, int runs) {
        Interval ci = ProportionInterval.wilson(count, runs, Z95);
        return String.format(
                Locale.ROOT, "%.1f%% (%.1f..%.1f)", 100.0 * count / runs, 100 * ci.lower(), 100 * ci.upper());
    }

    /** ✓ or ✗ by the share; "?" added when the 95% Wilson interval holds the goal's bound. */
    static String mark(int count, int runs, boolean falseFailures) {
        Interval ci = ProportionInterval.wilson(count, runs, Z95);
        double rate = (double) count / runs;
        double goal = falseFailures ? FALSE_FAILURE_GOAL : DETECTION_GOAL;
        boolean met = falseFailures ? rate <= goal : rate >= goal;
        boolean open = ci.lower() <= goal && goal <= ci.upper();
        return (met ? " ✓" : " ✗") + (open ? "?" : "");
    }

    /** Per metric, in how many runs it was a regression at the failing look (how many by its guardrail). */
    private static String causes(ClusterAccuracyBenchmark.Row row, int runs) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put(GatewayLikeMetrics.SUCCESS_RATE, new int[2]);
        counts.put(GatewayLikeMetrics.LATENCY, new int[2]);
        counts.put(VoyagerJudge.CPU, new int[2]);
        for (List<String> causes : row.voyagerCauses()) {
            for (String cause : causes) {
                boolean guardrail = cause.endsWith(" guardrail");
                String metric = guardrail ? cause.substring(0, cause.length() - " guardrail".length()) : cause;
                int[] c = counts.computeIfAbsent(metric, k -> new int[2]);
                c[0]++;
                c[1] += guardrail ? 1 : 0;
            }
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] == 0) {
                continue;
            }
            s.append(s.length() > 0 ? ", " : "")
                    .append(label(e.getKey()))
                    .append(' ')
                    .append(e.getValue()[0]);
            if (e.getValue()[1] > 0) {
                s.append(" (").append(e.getValue()[1]).append(" by guardrail)");
            }
        }
        if (s.length() == 0) {
            s.append('-');
        }
        if (row.traffic().burst().reach() == ClusterTraffic.Reach.ONE_POD) {
            int onCanary = 0;
            int failedOnCanary = 0;
            Outcome voyager = row.outcomes().get(0);
            for (int run = 0; run < runs; run++) {
                if (row.burstOnCanary()[run]) {
                    onCanary++;
                    failedOnCanary += voyager.failingLooks()[run] > 0 ? 1 : 0;
                }
            }
            s.append(String.format(
                    Locale.ROOT, "; burst on a canary pod in %d runs, %d of them failed", onCanary, failedOnCanary));
        } else if (row.traffic().burst().reach() == ClusterTraffic.Reach.EVERY_POD) {
            int firstLook = 0;
            int failedFirstLook = 0;
            Outcome voyager = row.outcomes().get(0);
            for (int run = 0; run < runs; run++) {
                if (row.burstStart()[run] == 1) {
                    firstLook++;
                    failedFirstLook += voyager.failingLooks()[run] > 0 ? 1 : 0;
                }
            }
            s.append(String.format(
                    Locale.ROOT, "; burst from look 1 in %d runs, %d of them failed", firstLook, failedFirstLook));
        }
        return s.toString();
    }

    private static String label(String metric) {
        return switch (metric) {
            case GatewayLikeMetrics.SUCCESS_RATE -> "errors";
            case GatewayLikeMetrics.LATENCY -> "latency";
            case VoyagerJudge.CPU -> "CPU";
            default -> metric;
        };
    }

    private static String describe(ClusterTraffic c, TrafficProfile base) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,.0f req/s", c.requestsPerSecond()));
        if (c.podErrorSd() == 0 && c.podLatencyLogSd() == 0) {
            s.append(", identical pods");
        } else {
            s.append(String.format(
                    Locale.ROOT,
                    ", pod error rate %.1f%% + N(0, %.2f pp), pod latency x exp(N(0, %.2f))",
                    100 * base.stableErrorRate(),
                    100 * c.podErrorSd(),
                    c.podLatencyLogSd()));
        }
        ClusterTraffic.Burst b = c.burst();
        if (b.reach() != ClusterTraffic.Reach.NONE) {
            s.append(String.format(
                    Locale.ROOT,
                    ", one burst per rollout on %s: +%.1f pp errors (0.5%% -> %.0f%%) for 1-%d "
                            + "intervals from a uniform look",
                    b.reach() == ClusterTraffic.Reach.EVERY_POD ? "every pod" : "one pod drawn from the 20 serving",
                    100 * (b.errorRate() - base.stableErrorRate()),
                    100 * b.errorRate(),
                    b.maxIntervals()));
        }
        ClusterTraffic.ColdStart cold = c.cold();
        if (cold.latencySeconds() > 0 || cold.errorSeconds() > 0) {
            s.append(String.format(
                    Locale.ROOT,
                    ", each canary pod from its start: latency x%.1f falling to 1 over %d s",
                    cold.latencyFactor(),
                    cold.latencySeconds()));
            s.append(
                    cold.errorSeconds() > 0
                            ? String.format(
                                    Locale.ROOT,
                                    ", +%.1f pp errors for %d s",
                                    100 * cold.extraErrors(),
                                    cold.errorSeconds())
                            : ", no extra errors");
        }
        return s.toString();
    }

    private static String weights(TrafficProfile profile) {
        StringBuilder s = new StringBuilder();
        for (double w : profile.stepWeights()) {
            s.append(s.length() > 0 ? ", " : "").append(Math.round(100 * w)).append('%');
        }
        return s.toString();
    }
}
