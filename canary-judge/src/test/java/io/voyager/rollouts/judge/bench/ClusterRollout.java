package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.data.SeriesData;
import io.voyager.rollouts.judge.stats.Binomial;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One rollout drawn pod by pod: every pod, every 30 s interval, its own request count, failures and latency
 * bucket counts, from that pod's own error rate and speed in that interval ({@link ClusterTraffic}).
 *
 * <p>Pods follow the canary weight as in {@link TrafficProfile}: of the 20 pods, 1, 2 and 5 are canary pods in
 * the three steps, and the stable side gives up one pod at the start and more at each step (19, 18, 15). A new
 * canary pod appears at the start of the look its step begins; a stable pod that is scaled down keeps, in a
 * window since the analysis started, the counts it served before (Prometheus still has its series). Each
 * interval's requests are spread over the 20 pods serving in it with equal chance (a multinomial split).
 *
 * <p>What a pod is (its offsets) and the rollout's burst are the {@link Environment}, drawn from a stream of its
 * own, so the A/A and regression scenarios of one run index share them; the counts come from a second stream.
 */
final class ClusterRollout {
    /**
     * One pod over the rollout.
     *
     * @param firstLook the first look (1-based) it serves in
     * @param lastLook the last look it serves in
     * @param errorRate its own error rate with no code change and no burst
     * @param latencyFactor every request it serves is this factor slower (1 = the latency model's median)
     */
    record Pod(boolean canary, int firstLook, int lastLook, double errorRate, double latencyFactor) {
        boolean servesAt(int look) {
            return look >= firstLook && look <= lastLook;
        }
    }

    /** The rollout's burst: looks {@code firstLook..lastLook}, on pod {@code pod} or on every pod when -1. */
    record BurstEvent(int firstLook, int lastLook, int pod) {
        static final BurstEvent NONE = new BurstEvent(0, -1, -1);

        boolean hits(int podIndex, int look) {
            return look >= firstLook && look <= lastLook && (pod < 0 || pod == podIndex);
        }
    }

    /** What does not depend on the canary's code: the pods and the burst. */
    record Environment(List<Pod> pods, BurstEvent burst) {
        /** Whether the burst falls on a canary pod (always true for a burst on every pod). */
        boolean burstOnCanary() {
            return burst != BurstEvent.NONE
                    && (burst.pod() < 0 || pods.get(burst.pod()).canary());
        }
    }

    private final TrafficProfile profile;
    private final ClusterTraffic traffic;
    private final Scenario scenario;
    private final Environment environment;
    /** Per pod and look (0-based): requests, failed requests, requests per latency bucket (not cumulative); 0 where it does not serve. */
    private final long[][] totals;

    private final long[][] failures;
    private final long[][][] buckets;
    private final double[][] canaryCpu;
    private final double[][] stableCpu;

    private ClusterRollout(TrafficProfile profile, ClusterTraffic traffic, Scenario scenario, Environment environment) {
        this.profile = profile;
        this.traffic = traffic;
        this.scenario = scenario;
        this.environment = environment;
        int pods = environment.pods().size();
        this.totals = new long[pods][profile.looks()];
        this.failures = new long[pods][profile.looks()];
        this.buckets = new long[pods][profile.looks()][GatewayLikeMetrics.LATENCY_BOUNDS.length];
        this.canaryCpu = new double[profile.looks()][];
        this.stableCpu = new double[profile.looks()][];
    }

    /** The pods and burst of one rollout: stable pods first (those scaled down first last), then canary pods. */
    static Environment environment(TrafficProfile profile, ClusterTraffic traffic, SplittableRandom random) {
        int looks = profile.looks();
        List<Pod> pods = new ArrayList<>();
        int maxStable = profile.stablePodsAt(1);
        for (int s = 0; s < maxStable; s++) {
            int last = 0;
            for (int look = 1; look <= looks; look++) {
                if (profile.stablePodsAt(look) > s) {
                    last = look;
                }
            }
            pods.add(drawPod(random, traffic, profile.stableErrorRate(), false, 1, last));
        }
        int maxCanary = profile.canaryPodsAt(looks);
        for (int c = 0; c < maxCanary; c++) {
            int first = 1;
            while (profile.canaryPodsAt(first) <= c) {
                first++;
            }
            pods.add(drawPod(random, traffic, profile.stableErrorRate(), true, first, looks));
        }
        BurstEvent burst = BurstEvent.NONE;
        if (traffic.burst().reach() != ClusterTraffic.Reach.NONE) {
            int start = 1 + random.nextInt(looks);
            int end = Math.min(looks, start + random.nextInt(traffic.burst().maxIntervals()));
            int pod = -1;
            if (traffic.burst().reach() == ClusterTraffic.Reach.ONE_POD) {
                List<Integer> serving = new ArrayList<>();
                for (int p = 0; p < pods.size(); p++) {
                    if (pods.get(p).servesAt(start)) {
                        serving.add(p);
                    }
                }
                pod = serving.get(random.nextInt(serving.size()));
            }
            burst = new BurstEvent(start, end, pod);
        }
        return new Environment(List.copyOf(pods), burst);
    }

    private static Pod drawPod(
            SplittableRandom random,
            ClusterTraffic traffic,
            double stableErrorRate,
            boolean canary,
            int first,
            int last) {
        double errorRate = Math.max(0.0, stableErrorRate + traffic.podErrorSd() * Normal.quantile(random.nextDouble()));
        double latencyFactor = Math.exp(traffic.podLatencyLogSd() * Normal.quantile(random.nextDouble()));
        return new Pod(canary, first, last, errorRate, latencyFactor);
    }

    /** Draws every pod's counts for every look of the rollout. */
    static ClusterRollout draw(
            TrafficProfile profile,
            ClusterTraffic traffic,
            Scenario scenario,
            Environment environment,
            SplittableRandom random) {
        ClusterRollout rollout = new ClusterRollout(profile, traffic, scenario, environment);
        List<Pod> pods = environment.pods();
        long perInterval = Math.round(profile.requestsPerSecond() * profile.intervalSeconds());
        for (int look = 1; look <= profile.looks(); look++) {
            int[] serving = servingAt(pods, look);
            double[] equal = new double[serving.length];
            Arrays.fill(equal, 1.0 / serving.length);
            long[] split = Binomial.multinomial(random, perInterval, equal);
            for (int i = 0; i < serving.length; i++) {
                int p = serving[i];
                long n = split[i];
                rollout.totals[p][look - 1] = n;
                rollout.failures[p][look - 1] = Binomial.sample(random, n, rollout.errorRate(p, look));
                rollout.buckets[p][look - 1] = Binomial.multinomial(random, n, rollout.bucketProbabilities(p, look));
            }
            rollout.canaryCpu[look - 1] = SimulatedRollout.cpu(
                    random,
                    profile.canaryPodsAt(look) * profile.cpuSamplesPerPodPerInterval(),
                    SimulatedRollout.CPU_SD_CORES * scenario.cpuSpread());
            rollout.stableCpu[look - 1] = SimulatedRollout.cpu(
                    random,
                    profile.stablePodsAt(look) * profile.cpuSamplesPerPodPerInterval(),
                    SimulatedRollout.CPU_SD_CORES);
        }
        return rollout;
    }

    private static int[] servingAt(List<Pod> pods, int look) {
        return java.util.stream.IntStream.range(0, pods.size())
                .filter(p -> pods.get(p).servesAt(look))
                .toArray();
    }

    Environment environment() {
        return environment;
    }

    /**
     * Pod {@code p}'s chance that a request fails in look {@code look}: its own rate, plus the canary's
     * regression, plus the burst while it hits the pod, plus the cold start's timeouts in a canary pod's first
     * seconds (spread over the interval's requests); at most 1.
     */
    double errorRate(int p, int look) {
        Pod pod = environment.pods().get(p);
        double rate = pod.errorRate();
        if (pod.canary()) {
            rate += scenario.canaryErrorRate() - profile.stableErrorRate();
        }
        if (environment.burst().hits(p, look)) {
            rate += traffic.burst().errorRate() - profile.stableErrorRate();
        }
        ClusterTraffic.ColdStart cold = traffic.cold();
        if (pod.canary() && cold.errorSeconds() > 0) {
            double from = secondsSinceStart(pod, look);
            double coldSeconds = Math.max(0.0, Math.min(from + profile.intervalSeconds(), cold.errorSeconds()) - from);
            rate += cold.extraErrors() * coldSeconds / profile.intervalSeconds();
        }
        return Math.min(1.0, Math.max(0.0, rate));
    }

    /**
     * Pod {@code p}'s chance per latency bucket in look {@code look}: the latency model at its own factor, times
     * the canary's slowdown; in a cold canary pod the mix over the interval's seconds of the slower model.
     */
    double[] bucketProbabilities(int p, int look) {
        Pod pod = environment.pods().get(p);
        double factor = pod.latencyFactor() * (pod.canary() ? scenario.slowdown() : 1.0);
        ClusterTraffic.ColdStart cold = traffic.cold();
        double from = secondsSinceStart(pod, look);
        if (!pod.canary() || cold.latencyFactorAt(from) <= 1.0) {
            return LatencyModel.bucketProbabilities(factor);
        }
        int seconds = profile.intervalSeconds();
        double[] mix = new double[GatewayLikeMetrics.LATENCY_BOUNDS.length];
        for (int s = 0; s < seconds; s++) {
            double[] atSecond = LatencyModel.bucketProbabilities(factor * cold.latencyFactorAt(from + s + 0.5));
            for (int b = 0; b < mix.length; b++) {
                mix[b] += atSecond[b] / seconds;
            }
        }
        return mix;
    }

    private double secondsSinceStart(Pod pod, int look) {
        return (double) (look - pod.firstLook()) * profile.intervalSeconds();
    }

    long requests(int p, int look) {
        return totals[p][look - 1];
    }

    long failures(int p, int look) {
        return failures[p][look - 1];
    }

    long[] buckets(int p, int look) {
        return buckets[p][look - 1].clone();
    }

    /** Per side and look, what a query without {@code by (pod)} returns: for the threshold and Kayenta-style judges. */
    IntervalData[] aggregated() {
        int looks = profile.looks();
        int bucketCount = GatewayLikeMetrics.LATENCY_BOUNDS.length;
        IntervalData[] intervals = new IntervalData[looks];
        List<Pod> pods = environment.pods();
        for (int look = 1; look <= looks; look++) {
            long[] total = new long[2];
            long[] failed = new long[2];
            long[][] perBucket = new long[2][bucketCount];
            for (int p : servingAt(pods, look)) {
                int side = pods.get(p).canary() ? 0 : 1;
                total[side] += totals[p][look - 1];
                failed[side] += failures[p][look - 1];
                for (int b = 0; b < bucketCount; b++) {
                    perBucket[side][b] += buckets[p][look - 1][b];
                }
            }
            intervals[look - 1] = new IntervalData(
                    total[0],
                    failed[0],
                    total[1],
                    failed[1],
                    perBucket[0],
                    perBucket[1],
                    canaryCpu[look - 1],
                    stableCpu[look - 1]);
        }
        return intervals;
    }

    /**
     * What the plugin hands the Voyager judge at look {@code look}: over the window since the analysis started,
     * per pod that has served in it, good and total requests ({@code sum by (pod)}) and cumulative bucket counts
     * ({@code sum by (le, pod)}); CPU as in the ideal simulation, every sample of the window.
     */
    Map<String, MetricData> sinceStartByPod(int look) {
        return sinceStartByPod(look, 0);
    }

    /**
     * The same with the plugin's {@code podWarmUp}: each canary pod's first {@code warmUpIntervals} intervals of
     * traffic are left out of its latency buckets (and counted as warming up); its requests still count in the
     * success rate. Stable pods have run for hours before the rollout.
     */
    Map<String, MetricData> sinceStartByPod(int look, int warmUpIntervals) {
        List<RatioData.Cluster> canaryRatio = new ArrayList<>();
        List<RatioData.Cluster> stableRatio = new ArrayList<>();
        List<double[]> canaryBuckets = new ArrayList<>();
        List<double[]> stableBuckets = new ArrayList<>();
        List<Pod> pods = environment.pods();
        int bucketCount = GatewayLikeMetrics.LATENCY_BOUNDS.length;
        long canaryWarmingUp = 0;
        for (int p = 0; p < pods.size(); p++) {
            Pod pod = pods.get(p);
            if (pod.firstLook() > look) {
                continue;
            }
            long n = 0;
            long failed = 0;
            long[] perBucket = new long[bucketCount];
            int warmFrom = pod.canary() ? pod.firstLook() - 1 + warmUpIntervals : 0;
            for (int i = pod.firstLook() - 1; i < Math.min(look, pod.lastLook()); i++) {
                n += totals[p][i];
                failed += failures[p][i];
                if (i < warmFrom) {
                    canaryWarmingUp += totals[p][i];
                    continue;
                }
                for (int b = 0; b < bucketCount; b++) {
                    perBucket[b] += buckets[p][i][b];
                }
            }
            RatioData.Cluster cluster = new RatioData.Cluster(n - failed, n);
            double[] cumulative = LatencyModel.cumulative(perBucket);
            (pod.canary() ? canaryRatio : stableRatio).add(cluster);
            (pod.canary() ? canaryBuckets : stableBuckets).add(cumulative);
        }
        double[] cpuCanary = new double[0];
        double[] cpuStable = new double[0];
        for (int i = 0; i < look; i++) {
            cpuCanary = concat(cpuCanary, canaryCpu[i]);
            cpuStable = concat(cpuStable, stableCpu[i]);
        }
        return Map.of(
                GatewayLikeMetrics.SUCCESS_RATE,
                        RatioData.ofPods(canaryRatio, stableRatio).withSlices(slices(look)),
                GatewayLikeMetrics.LATENCY,
                        HistogramData.ofPods(GatewayLikeMetrics.LATENCY_BOUNDS, canaryBuckets, stableBuckets)
                                .withCanaryWarmingUp(canaryWarmingUp),
                VoyagerJudge.CPU, new SeriesData(cpuCanary, cpuStable));
    }

    /** Both sides' good and total requests in each interval up to {@code look}: what a range query at the look's step reads. */
    List<RatioData.Slice> slices(int look) {
        List<Pod> pods = environment.pods();
        List<RatioData.Slice> slices = new ArrayList<>();
        for (int i = 0; i < look; i++) {
            long canaryTotal = 0;
            long canaryFailed = 0;
            long stableTotal = 0;
            long stableFailed = 0;
            for (int p = 0; p < pods.size(); p++) {
                if (pods.get(p).canary()) {
                    canaryTotal += totals[p][i];
                    canaryFailed += failures[p][i];
                } else {
                    stableTotal += totals[p][i];
                    stableFailed += failures[p][i];
                }
            }
            slices.add(new RatioData.Slice(
                    canaryTotal - canaryFailed, canaryTotal, stableTotal - stableFailed, stableTotal));
        }
        return slices;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
