package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Interval;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's Markdown table: one row per scenario, per judge the rate and the median time to detect. */
final class ResultTable {
    private ResultTable() {}

    static String markdown(
            TrafficProfile profile,
            List<RolloutJudge> judges,
            Map<Scenario, List<Outcome>> results,
            Map<Scenario, Integer> voyagerInconclusive,
            long seed,
            int runs,
            int threads,
            double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%d seeded rollouts per scenario (seed %d), %d threads, %.0f s in total. Each rollout: %.0f req/s, "
                        + "canary at %s for %d looks of %d s each (%d looks, %d s). Cells: share of rollouts failed "
                        + "(95%% CI) / median time to fail since the analysis started / failed within the first step.%n%n",
                runs,
                seed,
                threads,
                seconds,
                profile.requestsPerSecond(),
                weights(profile),
                profile.looksPerStep(),
                profile.intervalSeconds(),
                profile.looks(),
                profile.looks() * profile.intervalSeconds()));
        s.append("| Scenario |");
        judges.forEach(j -> s.append(' ').append(j.name()).append(" |"));
        s.append(" Voyager Inconclusive |\n|---|");
        judges.forEach(j -> s.append("---|"));
        s.append("---|\n");
        for (Map.Entry<Scenario, List<Outcome>> row : results.entrySet()) {
            s.append("| ").append(row.getKey().name()).append(" |");
            for (Outcome outcome : row.getValue()) {
                s.append(' ').append(cell(outcome, profile)).append(" |");
            }
            s.append(String.format(Locale.ROOT, " %.1f%% |%n", 100.0 * voyagerInconclusive.get(row.getKey()) / runs));
        }
        return s.toString();
    }

    private static String cell(Outcome outcome, TrafficProfile profile) {
        Interval ci = outcome.rateInterval();
        String rate = String.format(
                Locale.ROOT, "%.1f%% (%.1f..%.1f)", 100 * outcome.rate(), 100 * ci.lower(), 100 * ci.upper());
        if (outcome.detected() == 0) {
            return rate;
        }
        double firstStep = (double) outcome.detectedBy(profile.looksPerStep()) / outcome.runs();
        return String.format(
                Locale.ROOT,
                "%s / %.0f s / %.0f%%",
                rate,
                outcome.medianLook() * profile.intervalSeconds(),
                100 * firstStep);
    }

    private static String weights(TrafficProfile profile) {
        StringBuilder s = new StringBuilder();
        for (double w : profile.stepWeights()) {
            s.append(s.length() > 0 ? ", " : "").append(Math.round(100 * w)).append('%');
        }
        return s.toString();
    }
}
