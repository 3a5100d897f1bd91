package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Counts;
import io.voyager.rollouts.judge.stats.HistogramQuantile;
import io.voyager.rollouts.judge.stats.HodgesLehmann;
import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;

/**
 * Kayenta's judge as usually configured, re-run at every look on the 1-minute aggregates since the
 * analysis started: per metric (error rate, p99, mean CPU) a two-sided 98% Mann-Whitney / Hodges-Lehmann
 * interval for canary - baseline; High when its lower end exceeds 25% of the estimate's magnitude
 * (Kayenta's MannWhitneyClassifier rule). Error rate is critical; otherwise the score is the share of
 * passing metrics and below the marginal threshold 75 the run fails.
 */
final class KayentaStyleJudge implements RolloutJudge {
    static final double TAIL = 0.01;
    static final double FRACTION = 0.25;
    static final double MARGINAL = 75.0;

    @Override
    public String name() {
        return "Kayenta-style (1-min MW)";
    }

    @Override
    public int firstFailingLook(TrafficProfile profile, IntervalData[] intervals) {
        int perMinute = 60 / profile.intervalSeconds();
        for (int look = 1; look <= intervals.length; look++) {
            int minutes = look / perMinute;
            if (minutes < 1) {
                continue;
            }
            double[][] errors = new double[2][minutes];
            double[][] p99 = new double[2][minutes];
            double[][] cpu = new double[2][minutes];
            for (int m = 0; m < minutes; m++) {
                aggregateMinute(intervals, m * perMinute, perMinute, m, errors, p99, cpu);
            }
            boolean errorHigh = isHigh(errors[0], errors[1]);
            int high = (errorHigh ? 1 : 0) + (isHigh(p99[0], p99[1]) ? 1 : 0) + (isHigh(cpu[0], cpu[1]) ? 1 : 0);
            double score = 100.0 * (3 - high) / 3.0;
            if (errorHigh || score < MARGINAL) {
                return look;
            }
        }
        return 0;
    }

    private static void aggregateMinute(
            IntervalData[] intervals,
            int from,
            int count,
            int minute,
            double[][] errors,
            double[][] p99,
            double[][] cpu) {
        long[] totals = new long[2];
        long[] failures = new long[2];
        double[][] buckets = new double[2][GatewayLikeMetrics.LATENCY_BOUNDS.length];
        double[] cpuSum = new double[2];
        int[] cpuCount = new int[2];
        for (int i = from; i < from + count; i++) {
            IntervalData d = intervals[i];
            totals[0] += d.canaryTotal();
            totals[1] += d.stableTotal();
            failures[0] += d.canaryFailures();
            failures[1] += d.stableFailures();
            add(buckets[0], d.canaryBuckets());
            add(buckets[1], d.stableBuckets());
            cpuSum[0] += Counts.sum(d.canaryCpu());
            cpuSum[1] += Counts.sum(d.stableCpu());
            cpuCount[0] += d.canaryCpu().length;
            cpuCount[1] += d.stableCpu().length;
        }
        for (int side = 0; side < 2; side++) {
            errors[side][minute] = (double) failures[side] / totals[side];
            p99[side][minute] = HistogramQuantile.quantile(0.99, GatewayLikeMetrics.LATENCY_BOUNDS, buckets[side]);
            cpu[side][minute] = cpuSum[side] / cpuCount[side];
        }
    }

    private static boolean isHigh(double[] canary, double[] baseline) {
        HodgesLehmann.Result r = HodgesLehmann.shift(canary, baseline, TAIL);
        Interval ci = r.interval();
        return Double.isFinite(ci.lower()) && ci.lower() > FRACTION * Math.abs(r.estimate());
    }

    private static void add(double[] sum, long[] values) {
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }
}
