package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.CanaryJudge;
import io.voyager.rollouts.judge.LookContext;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.Phase;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.data.SeriesData;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Our judge as the plugin runs it: one background AnalysisRun over the whole rollout, window "since the
 * analysis started", the gateway defaults plus a CPU series metric, one look per interval, and the success
 * rate's slices one per interval (the deployed template's {@code slice}).
 */
final class VoyagerJudge implements RolloutJudge {
    static final String CPU = "cpu";
    private final JudgeConfig config;
    private int inconclusiveRuns;

    VoyagerJudge(int plannedLooks) {
        MetricConfig cpu =
                MetricConfig.of(CPU, MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.1));
        this.config = JudgeConfig.withMetrics(
                        List.of(GatewayLikeMetrics.successRate(), GatewayLikeMetrics.latency(), cpu))
                .withPlannedLooks(plannedLooks);
    }

    @Override
    public String name() {
        return "Voyager judge";
    }

    JudgeConfig config() {
        return config;
    }

    /** Runs that paused at an Inconclusive look without failing (counted across calls, not thread-safe). */
    synchronized int inconclusiveRuns() {
        return inconclusiveRuns;
    }

    @Override
    public int firstFailingLook(TrafficProfile profile, IntervalData[] intervals) {
        Judged judged = judge(intervals.length, look -> sinceStart(intervals, look));
        if (judged.failingLook() == 0 && judged.paused()) {
            synchronized (this) {
                inconclusiveRuns++;
            }
        }
        return judged.failingLook();
    }

    /**
     * How a rollout went: the first Failed look (0 if none), the metrics that were a regression or breached their
     * guardrail at that look, and whether an earlier look was Inconclusive.
     */
    record Judged(int failingLook, List<String> causes, boolean paused) {}

    /** Judges looks 1..{@code looks} in turn, each on the window {@code windowAt} gives for it, up to the first Failed. */
    Judged judge(int looks, IntFunction<Map<String, MetricData>> windowAt) {
        boolean paused = false;
        for (int look = 1; look <= looks; look++) {
            Verdict verdict = CanaryJudge.judge(config, LookContext.look(look), windowAt.apply(look));
            if (verdict.phase() == Phase.FAILED) {
                List<String> causes = new ArrayList<>();
                for (MetricResult m : verdict.metrics()) {
                    if (m.guardrailBreached()) {
                        causes.add(m.name() + " guardrail");
                    } else if (m.label().isRegression()) {
                        causes.add(m.name());
                    }
                }
                return new Judged(look, List.copyOf(causes), paused);
            }
            paused |= verdict.phase() == Phase.INCONCLUSIVE;
        }
        return new Judged(0, List.of(), paused);
    }

    static Map<String, MetricData> sinceStart(IntervalData[] intervals, int look) {
        long canaryTotal = 0;
        long canaryFailures = 0;
        long stableTotal = 0;
        long stableFailures = 0;
        int buckets = intervals[0].canaryBuckets().length;
        double[] canaryCumulative = new double[buckets];
        double[] stableCumulative = new double[buckets];
        double[] canaryCpu = new double[0];
        double[] stableCpu = new double[0];
        List<RatioData.Slice> slices = new ArrayList<>();
        for (int i = 0; i < look; i++) {
            IntervalData d = intervals[i];
            slices.add(new RatioData.Slice(
                    d.canaryTotal() - d.canaryFailures(),
                    d.canaryTotal(),
                    d.stableTotal() - d.stableFailures(),
                    d.stableTotal()));
            canaryTotal += d.canaryTotal();
            canaryFailures += d.canaryFailures();
            stableTotal += d.stableTotal();
            stableFailures += d.stableFailures();
            addCumulative(canaryCumulative, d.canaryBuckets());
            addCumulative(stableCumulative, d.stableBuckets());
            canaryCpu = concat(canaryCpu, d.canaryCpu());
            stableCpu = concat(stableCpu, d.stableCpu());
        }
        return Map.of(
                GatewayLikeMetrics.SUCCESS_RATE,
                new RatioData(canaryTotal - canaryFailures, canaryTotal, stableTotal - stableFailures, stableTotal)
                        .withSlices(slices),
                GatewayLikeMetrics.LATENCY,
                new HistogramData(GatewayLikeMetrics.LATENCY_BOUNDS, canaryCumulative, stableCumulative),
                CPU,
                new SeriesData(canaryCpu, stableCpu));
    }

    private static void addCumulative(double[] cumulative, long[] perBucket) {
        long running = 0;
        for (int i = 0; i < perBucket.length; i++) {
            running += perBucket[i];
            cumulative[i] += running;
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
