package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Counts;
import io.voyager.rollouts.judge.stats.HistogramQuantile;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;

/**
 * The original design's checks on the canary alone, each over the last interval: success rate below 98%,
 * or p99 at or above 500 ms, for 2 consecutive checks fails the rollout. It has no CPU check.
 */
final class ThresholdRule implements RolloutJudge {
    static final double MIN_SUCCESS = 0.98;
    static final double MAX_P99_SECONDS = 0.5;
    static final int CONSECUTIVE = 2;

    @Override
    public String name() {
        return "Threshold rule";
    }

    @Override
    public int firstFailingLook(TrafficProfile profile, IntervalData[] intervals) {
        int lowSuccess = 0;
        int slow = 0;
        for (int look = 1; look <= intervals.length; look++) {
            IntervalData d = intervals[look - 1];
            double success = 1.0 - (double) d.canaryFailures() / d.canaryTotal();
            double p99 = HistogramQuantile.quantile(
                    0.99, GatewayLikeMetrics.LATENCY_BOUNDS, Counts.toDouble(d.canaryBuckets()));
            lowSuccess = success < MIN_SUCCESS ? lowSuccess + 1 : 0;
            slow = p99 >= MAX_P99_SECONDS ? slow + 1 : 0;
            if (lowSuccess >= CONSECUTIVE || slow >= CONSECUTIVE) {
                return look;
            }
        }
        return 0;
    }
}
