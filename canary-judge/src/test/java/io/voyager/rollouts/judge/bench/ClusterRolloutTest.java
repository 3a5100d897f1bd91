package io.voyager.rollouts.judge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.stats.ClusterDispersion;
import io.voyager.rollouts.judge.stats.HistogramQuantile;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pod-level simulation of the cluster-like accuracy benchmark draws what its doc says it draws. */
class ClusterRolloutTest {
    private static final TrafficProfile PEAK = TrafficProfile.blackFriday();
    private static final double STABLE_RATE = PEAK.stableErrorRate();
    private static final Scenario AA = Scenario.aa(STABLE_RATE);

    @Test
    void heterogeneousPodsDifferByTheConfiguredSpreadAndNoMore() {
        ClusterTraffic traffic = condition("heterogeneous pods");
        SplittableRandom random = new SplittableRandom(11);
        double[] errorMoments = new double[3];
        double[] latencyMoments = new double[3];
        double[] canaryErrorMoments = new double[3];
        for (int rollout = 0; rollout < 1_000; rollout++) {
            for (ClusterRollout.Pod pod :
                    ClusterRollout.environment(PEAK, traffic, random).pods()) {
                add(errorMoments, pod.errorRate() - STABLE_RATE);
                add(latencyMoments, Math.log(pod.latencyFactor()));
                if (pod.canary()) {
                    add(canaryErrorMoments, pod.errorRate() - STABLE_RATE);
                }
            }
        }
        // 24,000 pods: the sd's standard error is about 0.5% of itself, the mean's 1e-5 (errors) and 3e-4 (log
        // latency).
        assertThat(mean(errorMoments)).isCloseTo(0.0, within(5e-5));
        assertThat(sd(errorMoments)).isCloseTo(0.0015, within(0.0015 * 0.03));
        assertThat(mean(latencyMoments)).isCloseTo(0.0, within(0.0015));
        assertThat(sd(latencyMoments)).isCloseTo(0.05, within(0.05 * 0.03));
        // A canary pod of the same version is drawn like any other pod (5,000 of them: 1% standard error).
        assertThat(sd(canaryErrorMoments)).isCloseTo(0.0015, within(0.0015 * 0.05));
    }

    @Test
    void podsThatDifferShowInTheirCountsAsOverdispersionAndIdenticalPodsDoNot() {
        double identical = meanStableDispersionAtLookOne(condition("homogeneous pods"), 21);
        double heterogeneous = meanStableDispersionAtLookOne(condition("heterogeneous pods"), 22);
        // Binomial counts: Pearson's X²/(k-1) has mean 1 (sd about 0.33 from 19 pods, 0.017 over 400 rollouts).
        assertThat(identical).isCloseTo(1.0, within(0.08));
        // 67,500 requests per pod and interval, offsets of sd 0.15 pp: 1 + n sd² / (p (1 - p)) = 31.5.
        assertThat(heterogeneous).isBetween(24.0, 40.0);
    }

    @Test
    void aColdCanaryPodIsSlowerAndFailsMoreOnlyInItsFirstSecondsAndStablePodsNever() {
        ClusterTraffic traffic = condition("cold canary pods");
        ClusterRollout rollout = draw(traffic, AA, 31);
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        assertThat(pods.stream().filter(ClusterRollout.Pod::canary).map(ClusterRollout.Pod::firstLook))
                .as("a new canary pod appears at the start of each step")
                .containsExactly(1, 5, 9, 9, 9);
        for (int p = 0; p < pods.size(); p++) {
            ClusterRollout.Pod pod = pods.get(p);
            double[] warm = LatencyModel.bucketProbabilities(pod.latencyFactor());
            double warmP99 = p99(warm);
            for (int look = pod.firstLook(); look <= pod.lastLook(); look++) {
                int interval = look - pod.firstLook();
                double ratio = p99(rollout.bucketProbabilities(p, look)) / warmP99;
                double extraErrors = rollout.errorRate(p, look) - pod.errorRate();
                if (pod.canary() && interval == 0) {
                    // Latency x1.5 falling to x1.25 over its first 30 s: a mix whose p99 is about 1.375 times warm.
                    assertThat(ratio).as("pod %d look %d", p, look).isBetween(1.30, 1.45);
                    assertThat(extraErrors).as("pod %d look %d", p, look).isCloseTo(0.005, within(1e-12));
                } else if (pod.canary() && interval == 1) {
                    assertThat(ratio).as("pod %d look %d", p, look).isBetween(1.08, 1.17);
                    assertThat(extraErrors).as("pod %d look %d", p, look).isCloseTo(0.0, within(1e-12));
                } else {
                    assertThat(rollout.bucketProbabilities(p, look))
                            .as("pod %d look %d", p, look)
                            .containsExactly(warm);
                    assertThat(extraErrors).as("pod %d look %d", p, look).isCloseTo(0.0, within(1e-12));
                }
            }
        }
    }

    @Test
    void aCanaryPodWarmedBeforeReadyIsSlowerOnlyInItsFirstSecondsAsMeasuredAndNeverFailsMore() {
        ClusterTraffic traffic = condition("cold canary pods, warmed before ready");
        ClusterRollout rollout = draw(traffic, AA, 32);
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        for (int p = 0; p < pods.size(); p++) {
            ClusterRollout.Pod pod = pods.get(p);
            double[] warm = LatencyModel.bucketProbabilities(pod.latencyFactor());
            for (int look = pod.firstLook(); look <= pod.lastLook(); look++) {
                double[] served = rollout.bucketProbabilities(p, look);
                assertThat(rollout.errorRate(p, look))
                        .as("pod %d look %d", p, look)
                        .isEqualTo(pod.errorRate());
                if (pod.canary() && look == pod.firstLook()) {
                    // The fresh gateway's first 30 s measured p99 x1.55 and p50 x1.01 of its warm ones.
                    assertThat(quantile(0.99, served) / quantile(0.99, warm))
                            .as("pod %d look %d", p, look)
                            .isBetween(1.45, 1.65);
                    assertThat(quantile(0.5, served) / quantile(0.5, warm))
                            .as("pod %d look %d", p, look)
                            .isBetween(1.0, 1.1);
                } else {
                    assertThat(served).as("pod %d look %d", p, look).containsExactly(warm);
                }
            }
        }
    }

    @Test
    void theColdStartShowsInTheCanaryPodsDrawnLatencies() {
        ClusterTraffic traffic = condition("cold canary pods");
        double[] firstInterval = new double[GatewayLikeMetrics.LATENCY_BOUNDS.length];
        double[] thirdInterval = new double[GatewayLikeMetrics.LATENCY_BOUNDS.length];
        for (int seed = 0; seed < 40; seed++) {
            ClusterRollout rollout = draw(traffic, AA, 1_000 + seed);
            List<ClusterRollout.Pod> pods = rollout.environment().pods();
            for (int p = 0; p < pods.size(); p++) {
                if (pods.get(p).canary() && pods.get(p).firstLook() + 2 <= PEAK.looks()) {
                    addTo(firstInterval, rollout.buckets(p, pods.get(p).firstLook()));
                    addTo(thirdInterval, rollout.buckets(p, pods.get(p).firstLook() + 2));
                }
            }
        }
        // The same pods warm two intervals later: their pooled p99 about 1.375 times lower.
        assertThat(p99(firstInterval) / p99(thirdInterval)).isBetween(1.28, 1.47);
    }

    @Test
    void aBurstOnEveryPodLiftsEveryServingPodForItsIntervalsOnly() {
        ClusterTraffic traffic = condition("error burst on every pod");
        Set<Integer> starts = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        long[] inBurst = new long[2];
        long[] outside = new long[2];
        for (int seed = 0; seed < 300; seed++) {
            ClusterRollout rollout = draw(traffic, AA, 2_000 + seed);
            ClusterRollout.BurstEvent burst = rollout.environment().burst();
            starts.add(burst.firstLook());
            lengths.add(burst.lastLook() - burst.firstLook() + 1);
            List<ClusterRollout.Pod> pods = rollout.environment().pods();
            for (int p = 0; p < pods.size(); p++) {
                for (int look = pods.get(p).firstLook(); look <= pods.get(p).lastLook(); look++) {
                    boolean during = look >= burst.firstLook() && look <= burst.lastLook();
                    assertThat(rollout.errorRate(p, look) - pods.get(p).errorRate())
                            .as("pod %d look %d", p, look)
                            .isCloseTo(during ? 0.025 : 0.0, within(1e-12));
                    long[] sums = during ? inBurst : outside;
                    sums[0] += rollout.failures(p, look);
                    sums[1] += rollout.requests(p, look);
                }
            }
        }
        assertThat(starts).as("a burst may start at any look").hasSize(PEAK.looks());
        assertThat(lengths).containsExactlyInAnyOrder(1, 2);
        assertThat((double) inBurst[0] / inBurst[1]).isCloseTo(0.03, within(0.0005));
        assertThat((double) outside[0] / outside[1]).isCloseTo(0.005, within(0.0002));
    }

    @Test
    void aBurstOnOnePodHitsOnePodDrawnUniformlyFromTheTwentyServing() {
        ClusterTraffic traffic = condition("error burst on one pod");
        SplittableRandom random = new SplittableRandom(41);
        int onCanary = 0;
        int rollouts = 6_000;
        for (int i = 0; i < rollouts; i++) {
            ClusterRollout.Environment environment = ClusterRollout.environment(PEAK, traffic, random);
            ClusterRollout.BurstEvent burst = environment.burst();
            assertThat(burst.pod()).isNotNegative();
            assertThat(environment.pods().get(burst.pod()).servesAt(burst.firstLook()))
                    .isTrue();
            int hit = 0;
            for (int p = 0; p < environment.pods().size(); p++) {
                hit += burst.hits(p, burst.firstLook()) ? 1 : 0;
            }
            assertThat(hit).isEqualTo(1);
            onCanary += environment.burstOnCanary() ? 1 : 0;
        }
        // Canary pods are 1, 2 and 5 of 20 for 4 looks each: (4 + 8 + 20) / 240 = 13.3% of bursts (sd 0.44 pp).
        assertThat((double) onCanary / rollouts).isCloseTo(32.0 / 240, within(0.015));
    }

    @Test
    void theRegressionsAreOnTheCanaryPodsOnly() {
        ClusterTraffic traffic = condition("heterogeneous pods");
        ClusterRollout.Environment environment = ClusterRollout.environment(PEAK, traffic, new SplittableRandom(51));
        ClusterRollout errors = ClusterRollout.draw(
                PEAK, traffic, Scenario.errors(STABLE_RATE, 0.015), environment, new SplittableRandom(52));
        ClusterRollout slow = ClusterRollout.draw(
                PEAK, traffic, Scenario.latency(STABLE_RATE, 0.25), environment, new SplittableRandom(53));
        for (int p = 0; p < environment.pods().size(); p++) {
            ClusterRollout.Pod pod = environment.pods().get(p);
            int look = pod.lastLook();
            assertThat(errors.errorRate(p, look) - pod.errorRate()).isCloseTo(pod.canary() ? 0.01 : 0.0, within(1e-12));
            double p99Ratio =
                    p99(slow.bucketProbabilities(p, look)) / p99(LatencyModel.bucketProbabilities(pod.latencyFactor()));
            assertThat(p99Ratio).as("pod %d", p).isCloseTo(pod.canary() ? 1.25 : 1.0, within(0.03));
        }
    }

    @Test
    void everyIntervalsRequestsAreSharedByTheTwentyServingPods() {
        ClusterTraffic offPeak = condition("off-peak 450 req/s");
        ClusterRollout rollout = draw(offPeak, AA, 61);
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        for (int look = 1; look <= PEAK.looks(); look++) {
            long sum = 0;
            int serving = 0;
            for (int p = 0; p < pods.size(); p++) {
                if (pods.get(p).servesAt(look)) {
                    serving++;
                    sum += rollout.requests(p, look);
                    // 675 on average; a multinomial share of 13,500 has sd about 25.
                    assertThat(rollout.requests(p, look))
                            .as("pod %d look %d", p, look)
                            .isBetween(550L, 800L);
                } else {
                    assertThat(rollout.requests(p, look))
                            .as("pod %d look %d", p, look)
                            .isZero();
                }
            }
            assertThat(serving).isEqualTo(20);
            assertThat(sum).as("look %d", look).isEqualTo(13_500);
        }
    }

    @Test
    void theVoyagerJudgeGetsEachPodsCountsSinceTheStartAndTheOthersTheSidesSums() {
        ClusterRollout rollout = draw(condition("heterogeneous pods"), Scenario.errors(STABLE_RATE, 0.015), 71);
        IntervalData[] sums = rollout.aggregated();
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        int leaving = pods.indexOf(pods.stream()
                .filter(p -> !p.canary() && p.lastLook() == 4)
                .findFirst()
                .orElseThrow());
        for (int look = 1; look <= PEAK.looks(); look++) {
            Map<String, MetricData> window = rollout.sinceStartByPod(look);
            RatioData ratio = (RatioData) window.get(GatewayLikeMetrics.SUCCESS_RATE);
            HistogramData latency = (HistogramData) window.get(GatewayLikeMetrics.LATENCY);
            long canaryTotal = 0;
            long canaryFailed = 0;
            long stableTotal = 0;
            for (int i = 0; i < look; i++) {
                canaryTotal += sums[i].canaryTotal();
                canaryFailed += sums[i].canaryFailures();
                stableTotal += sums[i].stableTotal();
            }
            assertThat(ratio.canaryPods()).as("look %d", look).hasSize(PEAK.canaryPodsAt(look));
            assertThat(ratio.baselinePods())
                    .as("a scaled-down stable pod stays in the window")
                    .hasSize(19);
            assertThat(ratio.canaryTotal()).isEqualTo((double) canaryTotal);
            assertThat(ratio.canaryTotal() - ratio.canaryGood()).isEqualTo((double) canaryFailed);
            assertThat(ratio.baselineTotal()).isEqualTo((double) stableTotal);
            assertThat(latency.canaryCumulative()[latency.canaryCumulative().length - 1])
                    .isEqualTo((double) canaryTotal);
            assertThat(latency.baselinePods()).hasSize(19);
            long leftPodRequests = 0;
            for (int i = 1; i <= Math.min(look, 4); i++) {
                leftPodRequests += rollout.requests(leaving, i);
            }
            assertThat(ratio.baselinePods().get(leaving).total())
                    .as("look %d", look)
                    .isEqualTo((double) leftPodRequests);
        }
    }

    @Test
    void withAPodWarmUpEachCanaryPodsFirstIntervalLeavesItsLatencyButNotItsErrors() {
        ClusterRollout rollout = draw(condition("cold canary pods"), AA, 73);
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        int look = 6; // the second step: canary pods 1 (from look 1) and 2 (from look 5)
        Map<String, MetricData> all = rollout.sinceStartByPod(look);
        Map<String, MetricData> warm = rollout.sinceStartByPod(look, 1);

        long firstIntervals = 0;
        for (int p = 0; p < pods.size(); p++) {
            if (pods.get(p).canary() && pods.get(p).firstLook() <= look) {
                firstIntervals += rollout.requests(p, pods.get(p).firstLook());
            }
        }
        HistogramData allLatency = (HistogramData) all.get(GatewayLikeMetrics.LATENCY);
        HistogramData warmLatency = (HistogramData) warm.get(GatewayLikeMetrics.LATENCY);
        double[] allCanary = allLatency.canaryCumulative();
        double[] warmCanary = warmLatency.canaryCumulative();
        assertThat(firstIntervals).isPositive();
        assertThat(warmCanary[warmCanary.length - 1]).isEqualTo(allCanary[allCanary.length - 1] - firstIntervals);
        assertThat(warmLatency.canaryWarmingUp()).isEqualTo((double) firstIntervals);
        assertThat(warmLatency.baselineCumulative()).containsExactly(allLatency.baselineCumulative());
        assertThat(warm.get(GatewayLikeMetrics.SUCCESS_RATE)).isEqualTo(all.get(GatewayLikeMetrics.SUCCESS_RATE));
    }

    @Test
    void theSameSeedsDrawTheSameRollout() {
        ClusterTraffic traffic = condition("error burst on one pod");
        ClusterRollout a = draw(traffic, AA, 81);
        ClusterRollout b = draw(traffic, AA, 81);
        ClusterRollout other = draw(traffic, AA, 82);
        assertThat(a.environment()).isEqualTo(b.environment());
        boolean anyDifferent = false;
        for (int p = 0; p < a.environment().pods().size(); p++) {
            for (int look = 1; look <= PEAK.looks(); look++) {
                assertThat(a.buckets(p, look)).isEqualTo(b.buckets(p, look));
                assertThat(a.failures(p, look)).isEqualTo(b.failures(p, look));
                anyDifferent |= a.failures(p, look) != other.failures(p, look);
            }
        }
        assertThat(anyDifferent).as("another seed draws other counts").isTrue();
    }

    private static double meanStableDispersionAtLookOne(ClusterTraffic traffic, long seed) {
        double sum = 0;
        int rollouts = 400;
        for (int i = 0; i < rollouts; i++) {
            ClusterRollout rollout = draw(traffic, AA, seed * 1_000 + i);
            List<ClusterRollout.Pod> pods = rollout.environment().pods();
            long[] failed = new long[19];
            long[] totals = new long[19];
            int k = 0;
            for (int p = 0; p < pods.size(); p++) {
                if (!pods.get(p).canary()) {
                    failed[k] = rollout.failures(p, 1);
                    totals[k] = rollout.requests(p, 1);
                    k++;
                }
            }
            sum += ClusterDispersion.pearsonDispersion(failed, totals);
        }
        return sum / rollouts;
    }

    private static ClusterRollout draw(ClusterTraffic traffic, Scenario scenario, long seed) {
        TrafficProfile profile = traffic.profile(PEAK);
        ClusterRollout.Environment environment =
                ClusterRollout.environment(profile, traffic, new SplittableRandom(seed));
        return ClusterRollout.draw(profile, traffic, scenario, environment, new SplittableRandom(~seed));
    }

    private static ClusterTraffic condition(String name) {
        return ClusterTraffic.conditions().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static double p99(double[] perBucket) {
        return quantile(0.99, perBucket);
    }

    private static double quantile(double q, double[] perBucket) {
        return HistogramQuantile.quantile(q, GatewayLikeMetrics.LATENCY_BOUNDS, perBucket);
    }

    private static void addTo(double[] sum, long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            sum[i] += counts[i];
        }
    }

    private static void add(double[] moments, double x) {
        moments[0]++;
        moments[1] += x;
        moments[2] += x * x;
    }

    private static double mean(double[] moments) {
        return moments[1] / moments[0];
    }

    private static double sd(double[] moments) {
        double m = mean(moments);
        return Math.sqrt((moments[2] / moments[0] - m * m) * moments[0] / (moments[0] - 1));
    }
}
