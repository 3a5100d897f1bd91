package io.voyager.rollouts.judge;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever the data source returns, the judge answers with a verdict, and broken data is never a Pass. */
class BadInputTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final MetricConfig CPU =
            MetricConfig.of("cpu", MetricKind.SERIES, Direction.INCREASE_IS_BAD, AllowedEffect.relative(0.1));
    private static final JudgeConfig CONFIG =
            JudgeConfig.withMetrics(List.of(GatewayLikeMetrics.successRate(), GatewayLikeMetrics.latency(), CPU));
    private static final RatioData GOOD_RATIO = new RatioData(59_700, 60_000, 995_000, 1_000_000);
    private static final double[] STEADY = {0.6, 0.61, 0.59, 0.6, 0.62, 0.58, 0.6, 0.61};

    @Test
    void brokenDataOfAnyKindIsNeverSuccessful() {
        List<MetricData> brokenRatios = List.of(
                new RatioData(Double.NaN, 100, 1, 100),
                new RatioData(-1, 100, 1, 100),
                new RatioData(900, 100, 1, 100),
                new RatioData(1, INF, 1, 100),
                GOOD_RATIO.withSlices(
                        List.of(new RatioData.Slice(1, 1, 1, 1), new RatioData.Slice(Double.NaN, 1, 1, 1))),
                GOOD_RATIO.withSlices(List.of(new RatioData.Slice(1, 1, 1, 1), new RatioData.Slice(1, 1, 9, 1))));
        List<MetricData> brokenHistograms = List.of(
                new HistogramData(null, null, null),
                new HistogramData(new double[] {0.1, INF}, new double[] {1}, new double[] {1, 2}),
                new HistogramData(new double[] {0.1, 0.2}, new double[] {1, 2}, new double[] {1, 2}),
                new HistogramData(new double[] {0.1, INF}, new double[] {Double.NaN, 2}, new double[] {1, 2}),
                new HistogramData(new double[] {0.1, INF}, new double[] {-5, 2}, new double[] {1, 2}));
        List<MetricData> brokenSeries = List.of(new SeriesData(null, STEADY), new SeriesData(STEADY, null), GOOD_RATIO);
        for (MetricData ratio : brokenRatios) {
            assertNotSuccessful(GatewayLikeMetrics.SUCCESS_RATE, ratio);
        }
        for (MetricData histogram : brokenHistograms) {
            assertNotSuccessful(GatewayLikeMetrics.LATENCY, histogram);
        }
        for (MetricData series : brokenSeries) {
            assertNotSuccessful("cpu", series);
        }
    }

    @Test
    void emptyOrNonFiniteSamplesAreNoDataNotAnError() {
        Map<String, MetricData> data = Map.of("cpu", new SeriesData(new double[] {Double.NaN, INF}, STEADY));
        Verdict verdict = CanaryJudge.judge(JudgeConfig.withMetrics(List.of(CPU)), LookContext.look(1), data);
        assertThat(verdict.metrics().get(0).label()).isEqualTo(Label.NO_DATA);
        assertThat(verdict.phase()).isEqualTo(Phase.INCONCLUSIVE);
        assertThat(verdict.message()).contains("canary n=0 < 6 points");
    }

    @Test
    void missingMetricIsError() {
        Verdict verdict = CanaryJudge.judge(CONFIG, LookContext.look(1), Map.of("success-rate", GOOD_RATIO));
        assertThat(verdict.phase()).isEqualTo(Phase.ERROR);
        assertThat(verdict.message()).contains("latency: no data was fetched for this metric");
    }

    @Test
    void missingConfigOrLookIsError() {
        assertThat(CanaryJudge.judge(null, LookContext.look(1), Map.of()).phase())
                .isEqualTo(Phase.ERROR);
        assertThat(CanaryJudge.judge(CONFIG, LookContext.look(0), Map.of()).message())
                .isEqualTo("look: must be >= 1");
        assertThat(CanaryJudge.judge(CONFIG, null, null).phase()).isEqualTo(Phase.ERROR);
    }

    private static void assertNotSuccessful(String broken, MetricData data) {
        Map<String, MetricData> all = new HashMap<>();
        all.put(GatewayLikeMetrics.SUCCESS_RATE, GOOD_RATIO);
        all.put(
                GatewayLikeMetrics.LATENCY,
                new HistogramData(
                        GatewayLikeMetrics.LATENCY_BOUNDS, gatewayLatency(60_000), gatewayLatency(1_000_000)));
        all.put("cpu", new SeriesData(STEADY, STEADY));
        all.put(broken, data);
        Verdict verdict = CanaryJudge.judge(CONFIG, LookContext.look(3), all);
        assertThat(verdict.phase())
                .as("%s = %s: %s", broken, data, verdict.message())
                .isIn(Phase.ERROR, Phase.INCONCLUSIVE);
    }

    private static double[] gatewayLatency(double n) {
        return io.voyager.rollouts.judge.testsupport.LatencyModel.expectedCumulative(n, 1.0);
    }
}
