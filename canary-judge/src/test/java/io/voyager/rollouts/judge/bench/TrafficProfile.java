package io.voyager.rollouts.judge.bench;

/**
 * The Black Friday load on the gateway during a canary rollout: total requests per second, the canary's
 * traffic weight at each step, the analysis interval and how many looks each step lasts. Pods follow
 * the weight (Argo without traffic routing), so every pod carries the same load.
 */
record TrafficProfile(
        double requestsPerSecond,
        double[] stepWeights,
        int intervalSeconds,
        int looksPerStep,
        int pods,
        int cpuSamplesPerPodPerInterval,
        double stableErrorRate) {

    static TrafficProfile blackFriday() {
        return new TrafficProfile(45_000, new double[] {0.05, 0.10, 0.25}, 30, 4, 20, 3, 0.005);
    }

    int looks() {
        return stepWeights.length * looksPerStep;
    }

    /** Weight of the canary during look k (1-based). */
    double weightAt(int look) {
        return stepWeights[(look - 1) / looksPerStep];
    }

    int canaryPodsAt(int look) {
        return Math.max(1, (int) Math.round(pods * weightAt(look)));
    }

    int stablePodsAt(int look) {
        return pods - canaryPodsAt(look);
    }

    long canaryRequestsPerInterval(int look) {
        return Math.round(requestsPerSecond * intervalSeconds * canaryPodsAt(look) / pods);
    }

    long stableRequestsPerInterval(int look) {
        return Math.round(requestsPerSecond * intervalSeconds * stablePodsAt(look) / pods);
    }
}
