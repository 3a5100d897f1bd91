package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.data.SeriesData;
import io.voyager.rollouts.judge.stats.BrownForsythe;
import io.voyager.rollouts.judge.stats.HodgesLehmann;
import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.IqrOutlierFilter;
import io.voyager.rollouts.judge.stats.MannWhitney;
import java.util.Arrays;

/**
 * Judges plain samples (CPU, memory) as Kayenta does, with a Mann-Whitney test and the Hodges-Lehmann
 * shift and interval, and adds a Brown-Forsythe test so that a canary that is merely more erratic, with
 * the same median, is caught (kayenta#780). The spread test sees the raw samples: outlier removal would
 * delete exactly the evidence it looks for.
 */
final class SeriesClassifier {
    private SeriesClassifier() {}

    /**
     * @param location level of the location test
     * @param spread level of the spread test (the metric's share of alpha is split between the two)
     */
    static MetricResult classify(MetricConfig metric, SeriesData data, TestLevel location, TestLevel spread) {
        if (data.canary() == null || data.baseline() == null) {
            return MetricResult.withoutEvidence(metric.name(), Label.ERROR, metric.critical(), 0, 0, "samples missing");
        }
        double[] canary = finite(data.canary());
        double[] baseline = finite(data.baseline());
        if (canary.length < metric.minSamples()) {
            return MetricResult.withoutEvidence(
                    metric.name(),
                    Label.NO_DATA,
                    metric.critical(),
                    canary.length,
                    baseline.length,
                    "canary n=" + canary.length + " < " + metric.minSamples() + " points");
        }
        double canaryMedian = median(canary);
        boolean breached = metric.guardrail() != null
                && GuardrailCheck.medianBreached(
                        canary, metric.guardrail().min(), metric.guardrail().max(), location.guardrailZ());
        if (baseline.length < metric.minSamples()) {
            String stable = "stable n=" + baseline.length + " < " + metric.minSamples();
            if (metric.guardrail() == null) {
                return MetricResult.withoutEvidence(
                        metric.name(),
                        Label.NO_DATA,
                        metric.critical(),
                        canary.length,
                        baseline.length,
                        "canary median " + Format.plain(canaryMedian) + ", " + stable + " and no guardrail");
            }
            return new MetricResult(
                    metric.name(),
                    breached ? guardrailSide(metric, canaryMedian) : Label.PASS,
                    metric.critical(),
                    breached,
                    Double.NaN,
                    null,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    canary.length,
                    baseline.length,
                    "canary median " + Format.plain(canaryMedian) + " against its guardrail"
                            + (breached ? " breached" : " held") + " (" + stable + ", guardrail only)");
        }
        double[] canaryKept = metric.removeOutliers() ? withoutOutliers(canary) : canary;
        double[] baselineKept = metric.removeOutliers() ? withoutOutliers(baseline) : baseline;
        double baselineMedian = median(baseline);
        MannWhitney.Result rank = MannWhitney.samples(canaryKept, baselineKept);
        HodgesLehmann.Result shift = HodgesLehmann.shift(canaryKept, baselineKept, location.nominal());
        Interval ci = shift.interval();
        double tolerance = metric.allowedEffect().tolerance(baselineMedian);
        BrownForsythe.Result dispersion = BrownForsythe.test(canary, baseline);
        boolean moreErratic =
                dispersion.pGreater() < spread.nominal() && dispersion.spreadRatio() >= metric.maxSpreadRatio();
        boolean higher =
                metric.direction().increaseIsBad() && rank.pGreater() < location.nominal() && ci.lower() > tolerance;
        boolean lower =
                metric.direction().decreaseIsBad() && rank.pLess() < location.nominal() && ci.upper() < -tolerance;
        Label label = higher || (!lower && moreErratic) ? Label.HIGH : lower ? Label.LOW : Label.PASS;
        if (breached) {
            label = guardrailSide(metric, canaryMedian);
        }
        // Report the test that decided: the spread test when only the spread flagged the canary.
        boolean spreadDecided = moreErratic && !higher && !lower;
        double p = spreadDecided
                ? dispersion.pGreater()
                : Evidence.badSideP(metric.direction(), rank.pGreater(), rank.pLess());
        double boundary = spreadDecided ? spread.nominal() : location.nominal();
        String summary = "canary median " + Format.plain(canaryMedian) + " vs stable " + Format.plain(baselineMedian)
                + " (shift " + Format.signed(shift.estimate(), 3) + ", " + Format.confidence(location.confidence())
                + " CI " + Format.range(ci, 1.0, 3) + "; spread x"
                + String.format(java.util.Locale.ROOT, "%.2f", dispersion.spreadRatio())
                + (moreErratic ? " erratic" : "") + ")"
                + (breached ? ", guardrail breached" : "");
        return new MetricResult(
                metric.name(),
                label,
                metric.critical(),
                breached,
                shift.estimate(),
                ci,
                location.confidence(),
                p,
                boundary,
                canary.length,
                baseline.length,
                summary);
    }

    private static Label guardrailSide(MetricConfig metric, double canaryMedian) {
        return metric.guardrail().min() != null
                        && canaryMedian < metric.guardrail().min()
                ? Label.LOW
                : Label.HIGH;
    }

    private static double[] withoutOutliers(double[] values) {
        return IqrOutlierFilter.filter(values, MetricConfig.IQR_FACTOR, MetricConfig.IQR_FENCE_PERCENTILE);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
