package io.voyager.rollouts.judge.jmh;

import io.voyager.rollouts.judge.CanaryJudge;
import io.voyager.rollouts.judge.LookContext;
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
import io.voyager.rollouts.judge.stats.Binomial;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of judging one metric at one look, through the public entry point, as the data grow: requests
 * per side for ratio and histogram (bucketed, so the data size is fixed and only the counts grow), points
 * per side for series. Both sides get the same amount of data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class JudgeStatisticsBenchmark {
    private static final long SEED = 20251128L;

    @State(Scope.Benchmark)
    public static class Requests {
        @Param({"1000", "100000", "1000000"})
        public long requests;

        JudgeConfig ratioConfig;
        JudgeConfig histogramConfig;
        Map<String, MetricData> ratio;
        Map<String, MetricData> histogram;

        @Setup(Level.Trial)
        public void draw() {
            SplittableRandom random = new SplittableRandom(SEED);
            long canaryRequests = requests;
            long baselineRequests = requests;
            ratioConfig = JudgeConfig.withMetrics(List.of(GatewayLikeMetrics.successRate()));
            histogramConfig = JudgeConfig.withMetrics(List.of(GatewayLikeMetrics.latency()));
            long canaryFailures = Binomial.sample(random, canaryRequests, 0.005);
            long baselineFailures = Binomial.sample(random, baselineRequests, 0.005);
            ratio = Map.of(
                    GatewayLikeMetrics.SUCCESS_RATE,
                    new RatioData(
                            canaryRequests - canaryFailures,
                            canaryRequests,
                            baselineRequests - baselineFailures,
                            baselineRequests));
            double[] p = LatencyModel.bucketProbabilities(1.0);
            histogram = Map.of(
                    GatewayLikeMetrics.LATENCY,
                    new HistogramData(
                            GatewayLikeMetrics.LATENCY_BOUNDS,
                            LatencyModel.cumulative(Binomial.multinomial(random, canaryRequests, p)),
                            LatencyModel.cumulative(Binomial.multinomial(random, baselineRequests, p))));
        }
    }

    @State(Scope.Benchmark)
    public static class Points {
        @Param({"60", "600"})
        public int points;

        JudgeConfig config;
        Map<String, MetricData> series;

        @Setup(Level.Trial)
        public void draw() {
            SplittableRandom random = new SplittableRandom(SEED);
            config = JudgeConfig.withMetrics(List.of(
                    MetricConfig.of("cpu", MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.1))));
            series = Map.of("cpu", new SeriesData(normal(random, points), normal(random, points)));
        }

        private static double[] normal(SplittableRandom random, int n) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 0.6 + 0.03 * Normal.quantile(random.nextDouble());
            }
            return values;
        }
    }

    @Benchmark
    public Verdict ratio(Requests data) {
        return CanaryJudge.judge(data.ratioConfig, LookContext.look(6), data.ratio);
    }

    @Benchmark
    public Verdict histogram(Requests data) {
        return CanaryJudge.judge(data.histogramConfig, LookContext.look(6), data.histogram);
    }

    @Benchmark
    public Verdict series(Points data) {
        return CanaryJudge.judge(data.config, LookContext.look(6), data.series);
    }
}
