package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.stats.BucketBootstrap;
import io.voyager.rollouts.judge.stats.HistogramQuantile;
import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.MannWhitney;

/**
 * Judges bucketed distributions (latency): a Mann-Whitney U with ties on the bucket counts says whether
 * the canary is slower at all, and the bootstrap interval of the quantile shift (p99 by default) says
 * whether it is slower by more than the allowed effect. A regression needs both.
 */
final class HistogramClassifier {
    private HistogramClassifier() {
    }

    static MetricResult classify(MetricConfig metric, HistogramData data, TestLevel level, int resamples, long seed) {
        BucketCounts buckets;
        try {
            buckets = BucketCounts.of(data);
        } catch (IllegalArgumentException e) {
            return MetricResult.withoutEvidence(metric.name(), Label.ERROR, metric.critical(), 0, 0, e.getMessage());
        }
        long canaryN = Math.round(buckets.canaryTotal());
        long baselineN = Math.round(buckets.baselineTotal());
        String quantileName = Format.quantileName(metric.quantile());
        String tooFew = "canary n=" + canaryN + " < " + metric.minSamples() + " requests";
        if (!SampleSize.enoughToShowHarm(canaryN, metric.minSamples())) {
            return MetricResult.withoutEvidence(metric.name(), Label.NO_DATA, metric.critical(), canaryN, baselineN, tooFew);
        }
        double canaryQuantile = HistogramQuantile.quantile(metric.quantile(), buckets.bounds(), buckets.canary());
        double guardrailZ = canaryN < metric.minSamples() ? SampleSize.early(level).guardrailZ() : level.guardrailZ();
        boolean breached = metric.guardrail() != null && metric.guardrail().max() != null
                && GuardrailCheck.quantileAbove(
                        HistogramQuantile.countAbove(metric.guardrail().max(), buckets.bounds(), buckets.canary()),
                        canaryN, metric.quantile(), guardrailZ);
        if (canaryN < metric.minSamples()) {
            // Few requests: only the guardrail, a binomial bound on the share above the limit, is trusted.
            // A bootstrap of a tail quantile from so few requests is not.
            if (!breached) {
                return MetricResult.withoutEvidence(metric.name(), Label.NO_DATA, metric.critical(), canaryN, baselineN, tooFew);
            }
            return SampleSize.markedEarly(guardrailOnly(metric, quantileName, canaryQuantile, canaryN, baselineN, true),
                    metric.minSamples());
        }
        if (baselineN < metric.minSamples()) {
            return guardrailOnly(metric, quantileName, canaryQuantile, canaryN, baselineN, breached);
        }
        MannWhitney.Result rank = MannWhitney.binned(buckets.canary(), buckets.baseline());
        BucketBootstrap.Result shift = BucketBootstrap.quantileShift(metric.quantile(), buckets.bounds(),
                buckets.canary(), buckets.baseline(), resamples, seed);
        Interval ci = shift.interval(level.z());
        double tolerance = relativeTolerance(metric.allowedEffect(), shift.baselineQuantile());
        Label label = Label.PASS;
        if (metric.direction().increaseIsBad() && rank.pGreater() < level.nominal() && ci.lower() > tolerance) {
            label = Label.HIGH;
        } else if (metric.direction().decreaseIsBad() && rank.pLess() < level.nominal() && ci.upper() < -tolerance) {
            label = Label.LOW;
        }
        if (breached) {
            label = Label.HIGH;
        }
        String summary = "canary " + quantileName + " " + Format.seconds(shift.canaryQuantile()) + " vs stable "
                + Format.seconds(shift.baselineQuantile()) + " (" + Format.signed(100.0 * shift.relativeShift(), 1)
                + "%, " + Format.confidence(level.confidence()) + " CI " + Format.range(ci, 100.0, 1) + "%)"
                + (breached ? ", guardrail " + quantileName + " < " + Format.seconds(metric.guardrail().max()) + " breached" : "");
        return new MetricResult(metric.name(), label, metric.critical(), breached, shift.relativeShift(), ci,
                level.confidence(), Evidence.badSideP(metric.direction(), rank.pGreater(), rank.pLess()),
                level.nominal(), canaryN, baselineN, summary);
    }

    /** The allowed effect as a fraction of the baseline quantile. */
    private static double relativeTolerance(AllowedEffect effect, double baselineQuantile) {
        return effect.relative() != null ? effect.relative() : effect.absolute() / baselineQuantile;
    }

    private static MetricResult guardrailOnly(MetricConfig metric, String quantileName, double canaryQuantile,
            long canaryN, long baselineN, boolean breached) {
        String stable = "stable n=" + baselineN + " < " + metric.minSamples();
        if (metric.guardrail() == null || metric.guardrail().max() == null) {
            return MetricResult.withoutEvidence(metric.name(), Label.NO_DATA, metric.critical(), canaryN, baselineN,
                    "canary " + quantileName + " " + Format.seconds(canaryQuantile) + ", " + stable + " and no guardrail");
        }
        String summary = "canary " + quantileName + " " + Format.seconds(canaryQuantile) + " against guardrail < "
                + Format.seconds(metric.guardrail().max()) + (breached ? " breached" : " held") + " (" + stable
                + ", guardrail only)";
        return new MetricResult(metric.name(), breached ? Label.HIGH : Label.PASS, metric.critical(), breached,
                Double.NaN, null, Double.NaN, Double.NaN, Double.NaN, canaryN, baselineN, summary);
    }
}
