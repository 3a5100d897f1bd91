package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.data.SeriesData;
import io.voyager.rollouts.judge.data.Unavailable;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.OpenEndedSpending;

/**
 * Classifies one metric at one look, after sharing out the error rate: alpha is split evenly over the
 * metrics (Bonferroni), a metric's share over its tests (series: location and spread) and over the tails
 * of a two-sided direction, and each test's share is spent over the planned looks by the configured
 * spending function, for any number of looks ({@link OpenEndedSpending}). So the chance that any metric
 * fails an unchanged canary at any look of the run stays at or below alpha.
 */
public final class MetricClassifier {
    private MetricClassifier() {}

    public static MetricResult classify(JudgeConfig config, MetricConfig metric, MetricData data, int look) {
        if (data == null) {
            return MetricResult.withoutEvidence(
                    metric.name(), Label.ERROR, metric.critical(), 0, 0, "no data was fetched for this metric");
        }
        if (data instanceof Unavailable unavailable) {
            return MetricResult.withoutEvidence(
                    metric.name(), Label.ERROR, metric.critical(), 0, 0, "data source failed: " + unavailable.reason());
        }
        MetricKind expected = kindOf(data);
        if (expected != metric.kind()) {
            return MetricResult.withoutEvidence(
                    metric.name(),
                    Label.ERROR,
                    metric.critical(),
                    0,
                    0,
                    "got " + expected.name().toLowerCase() + " data for a "
                            + metric.kind().name().toLowerCase() + " metric");
        }
        double metricAlpha = config.alpha() / config.metrics().size();
        double guardrailZ = Normal.upperQuantile(config.alpha());
        TestLevel oneTest = level(config, metricAlpha / metric.direction().tails(), look, guardrailZ);
        if (data instanceof RatioData ratio) {
            return RatioClassifier.classify(metric, ratio, oneTest);
        }
        if (data instanceof HistogramData histogram) {
            return HistogramClassifier.classify(
                    metric,
                    histogram,
                    oneTest,
                    config.bootstrapResamples(),
                    config.bootstrapSeed() ^ metric.name().hashCode());
        }
        return SeriesClassifier.classify(
                metric,
                (SeriesData) data,
                level(config, metricAlpha / 2.0 / metric.direction().tails(), look, guardrailZ),
                level(config, metricAlpha / 2.0, look, guardrailZ));
    }

    private static TestLevel level(JudgeConfig config, double testAlpha, int look, double guardrailZ) {
        double nominal = OpenEndedSpending.at(testAlpha, look, config.plannedLooks(), config.spending())
                .nominal();
        return new TestLevel(nominal, guardrailZ);
    }

    /** Alpha this metric's tests use up at this look ({@code cumulative}: by its end), over its tests and tails. */
    public static double spent(JudgeConfig config, MetricConfig metric, int look, boolean cumulative) {
        double metricAlpha = config.alpha() / config.metrics().size();
        int tails = metric.direction().tails();
        if (metric.kind() == MetricKind.SERIES) {
            return tails * spent(config, metricAlpha / 2.0 / tails, look, cumulative)
                    + spent(config, metricAlpha / 2.0, look, cumulative);
        }
        return tails * spent(config, metricAlpha / tails, look, cumulative);
    }

    private static double spent(JudgeConfig config, double testAlpha, int look, boolean cumulative) {
        return cumulative
                ? OpenEndedSpending.spentBy(testAlpha, look, config.plannedLooks(), config.spending())
                : OpenEndedSpending.at(testAlpha, look, config.plannedLooks(), config.spending())
                        .spent();
    }

    private static MetricKind kindOf(MetricData data) {
        if (data instanceof RatioData) {
            return MetricKind.RATIO;
        }
        return data instanceof HistogramData ? MetricKind.HISTOGRAM : MetricKind.SERIES;
    }
}
