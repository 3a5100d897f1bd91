package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.OpenEndedSpending;
import io.voyager.rollouts.judge.stats.SpecialFunctions;
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
 * <p>With {@link Spread#FROM_STABLE_PODS} the oracle still sees no sampling noise, but, like any judge, it must
 * estimate the spread from the stable pods it sees: the sample variance of their speeds, and the boundary read
 * from Student's t with one degree of freedom fewer than there are stable pods.
 *
 * @param podLatencyLogSd each pod is slower by exp(N(0, sd))
 * @param slowdown the canary's code makes every request this factor slower
 * @param allowedRelative a slowdown up to this fraction is allowed
 * @param alpha the alpha of the latency test over the run (the judge's alpha over its metrics)
 * @param spread whether the oracle knows the pods' spread or estimates it from the stable pods
 */
record LatencyDetectionCeiling(
        TrafficProfile profile,
        double podLatencyLogSd,
        double slowdown,
        double allowedRelative,
        double alpha,
        SpendingFunction spending,
        int warmUpIntervals,
        Spread spread) {

    enum Spread {
        KNOWN,
        FROM_STABLE_PODS
    }

    /** The share of {@code runs} oracle rollouts that fail the canary at a look of the first {@code steps}. */
    double caughtWithin(int steps, int runs, long seed) {
        int looks = steps * profile.looksPerStep();
        int[] firstLook = canaryFirstLooks(looks);
        int stablePods = profile.stablePodsAt(1);
        double[] z = new double[looks];
        for (int k = 1; k <= looks; k++) {
            double tail =
                    OpenEndedSpending.at(alpha, k, profile.looks(), spending).nominal();
            z[k - 1] = spread == Spread.KNOWN
                    ? Normal.upperQuantile(tail)
                    : SpecialFunctions.studentUpperQuantile(tail, stablePods - 1);
        }
        double shift = Math.log(slowdown);
        double tolerance = Math.log(1.0 + allowedRelative);
        SplittableRandom random = new SplittableRandom(seed);
        int caught = 0;
        double[] canary = new double[firstLook.length];
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < canary.length; i++) {
                canary[i] = podLatencyLogSd * gaussian(random);
            }
            double stable;
            double sd;
            if (spread == Spread.KNOWN) {
                stable = podLatencyLogSd * gaussian(random) / Math.sqrt(stablePods);
                sd = podLatencyLogSd;
            } else {
                double sum = 0;
                double sumOfSquares = 0;
                for (int i = 0; i < stablePods; i++) {
                    double pod = podLatencyLogSd * gaussian(random);
                    sum += pod;
                    sumOfSquares += pod * pod;
                }
                stable = sum / stablePods;
                sd = Math.sqrt(Math.max(0, (sumOfSquares - sum * stable) / (stablePods - 1)));
            }
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
                double se = sd * Math.sqrt(squares / (weights * weights) + 1.0 / stablePods);
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
