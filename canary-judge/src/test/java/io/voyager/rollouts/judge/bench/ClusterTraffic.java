package io.voyager.rollouts.judge.bench;

import java.util.List;

/**
 * A traffic condition of the pod-level simulation ({@link ClusterRollout}): how much traffic, how much pods
 * of the same version differ among themselves, what bursts of errors happen and whether a new canary pod
 * starts cold.
 *
 * @param requestsPerSecond all pods together, canary and stable
 * @param podErrorSd each pod's error rate is the stable rate plus a normal offset of this sd (absolute, 0.0015 =
 *     0.15 pp), drawn once per pod and kept for the rollout; the same for canary and stable pods
 * @param podLatencyLogSd each pod's requests are all slower or faster by its own factor exp(N(0, sd)), drawn once
 *     per pod
 * @param burst the rollout's one burst of errors, if any
 * @param cold how a canary pod behaves right after it appears
 */
record ClusterTraffic(
        String name, double requestsPerSecond, double podErrorSd, double podLatencyLogSd, Burst burst, ColdStart cold) {

    static final double PEAK_REQUESTS_PER_SECOND = 45_000;
    static final double OFF_PEAK_REQUESTS_PER_SECOND = 450;
    static final double POD_ERROR_SD = 0.0015;
    static final double POD_LATENCY_LOG_SD = 0.05;

    /** Who a burst hits: nobody, every pod at once, or one pod drawn uniformly from those serving at its start. */
    enum Reach {
        NONE,
        EVERY_POD,
        ONE_POD
    }

    /**
     * One burst per rollout: it starts at a look drawn uniformly from all looks and lasts 1 to {@code maxIntervals}
     * 30 s intervals (uniformly, cut at the rollout's end); while it lasts, a pod it hits fails
     * {@code errorRate - stableErrorRate} more of its requests than it otherwise would (a pod at 0.5% fails 3%).
     */
    record Burst(Reach reach, double errorRate, int maxIntervals) {
        static final Burst NONE = new Burst(Reach.NONE, 0, 0);

        static Burst everyPod() {
            return new Burst(Reach.EVERY_POD, 0.03, 2);
        }

        static Burst onePod() {
            return new Burst(Reach.ONE_POD, 0.03, 2);
        }
    }

    /**
     * A canary pod's first seconds: its requests are slower by a factor that falls linearly from
     * {@code latencyFactor} to 1 over {@code latencySeconds}, and it fails {@code extraErrors} more of its requests
     * in its first {@code errorSeconds} (timeouts while its JIT and connections warm up). Stable pods are warm.
     */
    record ColdStart(double latencyFactor, int latencySeconds, double extraErrors, int errorSeconds) {
        static final ColdStart NONE = new ColdStart(1.0, 0, 0, 0);

        /** A JVM that meets its first payments cold: its JIT compiles and its connections open under them. */
        static ColdStart jvmWarmUp() {
            return new ColdStart(1.5, 60, 0.005, 30);
        }

        /**
         * What is left once the gateway warmed its own path before readiness: the first 30 s of a fresh gateway
         * at 1,000 req/s had p99 1.55 times and p50 1.01 times its warm ones, 3 slow seconds, no error
         * (docs/benchmarks.md, "First seconds of a fresh pod"). Latency x4 falling to 1 over 3 s gives a first
         * interval with p99 1.53 times warm and p50 1.06 times, the p50 harsher than measured.
         */
        static ColdStart afterGatewayWarmUp() {
            return new ColdStart(4.0, 3, 0, 0);
        }

        /** The latency factor at {@code seconds} after the pod appeared. */
        double latencyFactorAt(double seconds) {
            if (latencySeconds <= 0 || seconds >= latencySeconds) {
                return 1.0;
            }
            return 1.0 + (latencyFactor - 1.0) * (1.0 - Math.max(0.0, seconds) / latencySeconds);
        }
    }

    /** The benchmark's seven conditions; every one but the control has heterogeneous pods. */
    static List<ClusterTraffic> conditions() {
        double rps = PEAK_REQUESTS_PER_SECOND;
        double e = POD_ERROR_SD;
        double l = POD_LATENCY_LOG_SD;
        return List.of(
                new ClusterTraffic("homogeneous pods", rps, 0, 0, Burst.NONE, ColdStart.NONE),
                new ClusterTraffic("heterogeneous pods", rps, e, l, Burst.NONE, ColdStart.NONE),
                new ClusterTraffic("error burst on every pod", rps, e, l, Burst.everyPod(), ColdStart.NONE),
                new ClusterTraffic("error burst on one pod", rps, e, l, Burst.onePod(), ColdStart.NONE),
                new ClusterTraffic("cold canary pods", rps, e, l, Burst.NONE, ColdStart.jvmWarmUp()),
                new ClusterTraffic(
                        "off-peak 450 req/s", OFF_PEAK_REQUESTS_PER_SECOND, e, l, Burst.NONE, ColdStart.NONE),
                // Last, so the streams of the conditions before it (seeded by their index) stay as they were.
                new ClusterTraffic(
                        "cold canary pods, warmed before ready",
                        rps,
                        e,
                        l,
                        Burst.NONE,
                        ColdStart.afterGatewayWarmUp()));
    }

    /** The rollout's steps, pods and stable error rate from {@code base}, at this condition's traffic. */
    TrafficProfile profile(TrafficProfile base) {
        return new TrafficProfile(
                requestsPerSecond,
                base.stepWeights(),
                base.intervalSeconds(),
                base.looksPerStep(),
                base.pods(),
                base.cpuSamplesPerPodPerInterval(),
                base.stableErrorRate());
    }
}
