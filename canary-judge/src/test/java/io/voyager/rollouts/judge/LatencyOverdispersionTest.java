package io.voyager.rollouts.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.stats.Binomial;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.testsupport.FailedShare;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pods whose latency differs with no code change: each pod is slower or faster by its own factor (log sd 0.05:
 * node, neighbours, processor mix), 10 stable pods and one canary pod of the same version, 5,000 requests
 * each on the gateway's buckets. Pooled, the canary pod's own offset reads as a p99 shift; judged per pod, the
 * baseline's pods show how much their share of slow requests differs and the canary is held to that.
 */
class LatencyOverdispersionTest {
    private static final int RUNS = 2_000;
    private static final int STABLE_PODS = 10;
    private static final int PER_POD = 5_000;
    private static final double POD_LOG_SD = 0.05;
    private static final MetricConfig LATENCY =
            MetricConfig.of("latency", MetricKind.HISTOGRAM, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.001));
    private static final JudgeConfig ONE_LOOK =
            JudgeConfig.withMetrics(List.of(LATENCY)).withAlpha(0.05).withPlannedLooks(1);

    @Test
    void poolingEveryRequestFailsUnchangedCanariesOnPodsOfDifferentSpeed() {
        long seed = 71;
        double rate = failedShare(seed, 1.0, false);
        // Measured 0.19: a pod offset of 5% is more than the pooled p99's standard error.
        assertThat(rate).as("seed %d: pooled false-failure rate", seed).isGreaterThan(0.12);
    }

    @Test
    void perPodBucketsKeepTheFalseFailureRateNearAlpha() {
        long seed = 72;
        double rate = failedShare(seed, 1.0, true);
        // alpha 0.05 (0.045 at the one planned look). Measured 0.058 (0.064 with the normal reference): the spread
        // estimated from 10 pods of about 50 slow requests each is noisy, and that noise still costs above alpha.
        assertThat(rate).as("seed %d: per-pod false-failure rate", seed).isLessThan(0.07);
    }

    @Test
    void perPodBucketsStillCatchAQuarterSlowerP99() {
        long seed = 73;
        double rate = failedShare(seed, 1.25, true);
        // Measured 0.953 (0.998 pooled): one canary pod of 5,000 requests, a p99 from about 50 of them, held to
        // the spread of pods that differ by 5%.
        assertThat(rate).as("seed %d: detection of p99 +25%%", seed).isGreaterThan(0.90);
    }

    @Test
    void theShareOfRequestsSlowerThanTheQuantileSetsTheDesignEffect() {
        double[] bounds = {0.1, 0.5, Double.POSITIVE_INFINITY};
        // Stable pods of 10,000 requests with 100, 150, 50 and 100 above 0.5 s: pooled 1% above, the bound
        // nearest 1 - q. By hand: X^2 = (0 + 50^2 + 50^2 + 0) / (100 x 0.99) = 50.505, dispersion 16.835, n0 =
        // 10,000, rho = 15.835 / 9,999 = 0.0015837; effects 1 + 9,999 rho = 16.84 (stable) and 1 + 4,999 rho =
        // 8.92 (a canary of one pod and 5,000 requests). Welch-Satterthwaite: V = 8.917 / 5,000 + 16.835 / 40,000,
        // E = 7.917 / 5,000 + 15.835 / 40,000, df = 3 (V / E)^2 = 3.72.
        List<double[]> stable = List.of(
                new double[] {9_000, 9_900, 10_000},
                new double[] {9_000, 9_850, 10_000},
                new double[] {9_000, 9_950, 10_000},
                new double[] {9_000, 9_900, 10_000});
        HistogramData data = HistogramData.ofPods(bounds, List.of(new double[] {4_500, 4_950, 5_000}), stable);

        MetricResult result = CanaryJudge.judge(ONE_LOOK, LookContext.look(1), Map.of("latency", data))
                .metrics()
                .get(0);

        assertThat(result.summary())
                .contains("pods overdispersed: counts weigh 1/8.92 (canary), 1/16.84 (stable, 4 pods), t on 3.7 df");
    }

    @Test
    void threeStablePodsAreTooFewToEstimateASpread() {
        double[] bounds = {0.1, 0.5, Double.POSITIVE_INFINITY};
        List<double[]> stable =
                List.of(new double[] {9_000, 9_900, 10_000}, new double[] {9_000, 9_850, 10_000}, new double[] {
                    9_000, 9_950, 10_000
                });
        HistogramData data = HistogramData.ofPods(bounds, List.of(new double[] {4_500, 4_950, 5_000}), stable);

        MetricResult result = CanaryJudge.judge(ONE_LOOK, LookContext.look(1), Map.of("latency", data))
                .metrics()
                .get(0);

        assertThat(result.summary()).doesNotContain("overdispersed");
    }

    @Test
    void podsNoMoreDifferentThanIndependentRequestsLeaveTheCountsAsTheyAre() {
        double[] bounds = {0.1, 0.5, Double.POSITIVE_INFINITY};
        List<double[]> stable = List.of(
                new double[] {9_000, 9_900, 10_000},
                new double[] {9_000, 9_900, 10_000},
                new double[] {9_000, 9_900, 10_000},
                new double[] {9_000, 9_900, 10_000});
        HistogramData perPod = HistogramData.ofPods(bounds, List.of(new double[] {4_500, 4_950, 5_000}), stable);
        HistogramData pooled = new HistogramData(bounds, perPod.canaryCumulative(), perPod.baselineCumulative());

        MetricResult fromPods = CanaryJudge.judge(ONE_LOOK, LookContext.look(1), Map.of("latency", perPod))
                .metrics()
                .get(0);
        MetricResult fromSums = CanaryJudge.judge(ONE_LOOK, LookContext.look(1), Map.of("latency", pooled))
                .metrics()
                .get(0);

        assertThat(fromPods.summary()).isEqualTo(fromSums.summary()).doesNotContain("overdispersed");
    }

    private static double failedShare(long seed, double canarySlowdown, boolean perPod) {
        return FailedShare.atFirstLook(ONE_LOOK, RUNS, seed, random -> {
            List<double[]> stable = new ArrayList<>();
            for (int pod = 0; pod < STABLE_PODS; pod++) {
                stable.add(pod(random, 1.0));
            }
            HistogramData data = HistogramData.ofPods(
                    GatewayLikeMetrics.LATENCY_BOUNDS, List.of(pod(random, canarySlowdown)), stable);
            return Map.of(
                    "latency",
                    perPod
                            ? data
                            : new HistogramData(
                                    data.upperBounds(), data.canaryCumulative(), data.baselineCumulative()));
        });
    }

    private static double[] pod(SplittableRandom random, double slowdown) {
        double podFactor = Math.exp(POD_LOG_SD * Normal.quantile(random.nextDouble()));
        long[] perBucket =
                Binomial.multinomial(random, PER_POD, LatencyModel.bucketProbabilities(slowdown * podFactor));
        return LatencyModel.cumulative(perBucket);
    }
}
