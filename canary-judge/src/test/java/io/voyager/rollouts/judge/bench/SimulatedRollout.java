package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Binomial;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.SplittableRandom;

/**
 * Draws one rollout's worth of intervals at the aggregate level: failures are binomial and latency
 * bucket counts multinomial per interval and side (what a Prometheus counter's increase over 30 s would
 * show), CPU is one sample per pod every 10 s.
 */
final class SimulatedRollout {
    static final double CPU_MEAN_CORES = 0.6;
    static final double CPU_SD_CORES = 0.03;

    private SimulatedRollout() {}

    static IntervalData[] draw(TrafficProfile profile, Scenario scenario, SplittableRandom random) {
        double[] stableLatency = LatencyModel.bucketProbabilities(1.0);
        double[] canaryLatency = LatencyModel.bucketProbabilities(scenario.slowdown());
        IntervalData[] intervals = new IntervalData[profile.looks()];
        for (int look = 1; look <= profile.looks(); look++) {
            long canaryN = profile.canaryRequestsPerInterval(look);
            long stableN = profile.stableRequestsPerInterval(look);
            intervals[look - 1] = new IntervalData(
                    canaryN,
                    Binomial.sample(random, canaryN, scenario.canaryErrorRate()),
                    stableN,
                    Binomial.sample(random, stableN, profile.stableErrorRate()),
                    Binomial.multinomial(random, canaryN, canaryLatency),
                    Binomial.multinomial(random, stableN, stableLatency),
                    cpu(
                            random,
                            profile.canaryPodsAt(look) * profile.cpuSamplesPerPodPerInterval(),
                            CPU_SD_CORES * scenario.cpuSpread()),
                    cpu(random, profile.stablePodsAt(look) * profile.cpuSamplesPerPodPerInterval(), CPU_SD_CORES));
        }
        return intervals;
    }

    static double[] cpu(SplittableRandom random, int samples, double sd) {
        double[] values = new double[samples];
        for (int i = 0; i < samples; i++) {
            values[i] = CPU_MEAN_CORES + sd * Normal.quantile(random.nextDouble());
        }
        return values;
    }
}
