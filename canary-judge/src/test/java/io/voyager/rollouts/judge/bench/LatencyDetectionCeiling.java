package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.OpenEndedSpending;
import io.voyager.rollouts.judge.stats.SpendingFunction;
import java.util.SplittableRandom;

/**
 * How often any judge could catch a slower canary within the first steps when pods differ in speed: an oracle
 * that knows the pods' spread exactly and sees each pod's speed with no sampling noise at all (as at infinite
 * traffic). At each look it compares the canary pods' mean log-speed, each pod weighed by the intervals it has
 * served past its warm-up, with the stable pods' mean, and calls a regression when the one-sided interval at the
 * look's boundary lies beyond the allowed effect: the rule the Voyager judge applies, with its boundaries. What is
 * left is the pods' own spread, which no amount of traffic removes. Canary pods appear as {@link ClusterRollout}
 * adds them (one more at the start of each step's first look); the stable side is the first step's pods.
 *
 * @param podLatencyLogSd each pod is slower by exp(N(0, sd))
 * @param slowdown the canary's code makes every request this factor slower
 * @param allowedRelative a slowdown up to this fraction is allowed
 * @param alpha the alpha of the latency test over the run (the judge's alpha over its metrics)
 */
record LatencyDetectionCeiling(
        TrafficProfile profile,
        double podLatencyLogSd,
        double slowdown,
        double allowedRelative,
        double alpha,
        SpendingFunction spending,
        int warmUpIntervals) {

    /** The share of {@code runs} oracle rollouts that fail the canary at a look of the first {@code steps}. */
    double caughtWithin(int steps, int runs, long seed) {
        int looks = steps * profile.looksPerStep();
        int[] firstLook = canaryFirstLooks(looks);
        double[] z = new double[looks];
        for (int k = 1; k <= looks; k++) {
            z[k - 1] = Normal.upperQuantile(
                    OpenEndedSpending.at(alpha, k, profile.looks(), spending).nominal());
        }
        int stablePods = profile.stablePodsAt(1);
        double shift = Math.log(slowdown);
        double tolerance = Math.log(1.0 + allowedRelative);
        SplittableRandom random = new SplittableRandom(seed);
        int caught = 0;
        double[] canary = new double[firstLook.length];
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < canary.length; i++) {
                canary[i] = podLatencyLogSd * gaussian(random);
            }
            double stable = podLatencyLogSd * gaussian(random) / Math.sqrt(stablePods);
            for (int k = 1; k <= looks; k++) {
                double weights = 0;
                double squares = 0;
                double weighted = 0;
                for (int i = 0; i < canary.length; i++) {
                    double w = Math.max(0, k - firstLook[i] + 1 - warmUpIntervals);
                    weights += w;
                    squares += w * w;
                    weighted += w * canary[i];
                }
                if (weights == 0) {
                    continue;
                }
                double estimate = weighted / weights - stable + shift;
                double se = podLatencyLogSd * Math.sqrt(squares / (weights * weights) + 1.0 / stablePods);
                if (estimate - z[k - 1] * se > tolerance) {
                    caught++;
                    break;
                }
            }
        }
        return (double) caught / runs;
    }

    /** The look each canary pod of the first {@code looks} appears at. */
    private int[] canaryFirstLooks(int looks) {
        int[] first = new int[profile.canaryPodsAt(looks)];
        int known = 0;
        for (int k = 1; k <= looks; k++) {
            while (known < profile.canaryPodsAt(k)) {
                first[known++] = k;
            }
        }
        return first;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        while (u == 0.0) {
            u = random.nextDouble();
        }
        return Normal.quantile(u);
    }
}
