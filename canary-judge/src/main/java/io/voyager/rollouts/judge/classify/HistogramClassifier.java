package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.stats.BucketBootstrap;
import io.voyager.rollouts.judge.stats.Counts;
import io.voyager.rollouts.judge.stats.HistogramQuantile;
import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.MannWhitney;
import java.util.List;

/**
 * Judges bucketed distributions (latency): a Mann-Whitney U with ties on the bucket counts says whether
 * the canary is slower at all, and the bootstrap interval of the quantile shift (p99 by default) says
 * whether it is slower by more than the allowed effect. A regression needs both. When the data holds the
 * baseline's per-pod buckets, both run on counts weighed down by each side's design effect for the share of
 * requests slower than the quantile ({@link PodDispersion}): the variance of a sample quantile is that of the
 * share of requests below it (Woodruff), so the pods' spread in that share is the spread the shift inherits.
 */
final class HistogramClassifier {
    private HistogramClassifier() {}

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
            return tooFew(metric, data, canaryN, baselineN, tooFew);
        }
        double canaryQuantile = HistogramQuantile.quantile(metric.quantile(), buckets.bounds(), buckets.canary());
        double guardrailZ =
                canaryN < metric.minSamples() ? SampleSize.early(level).guardrailZ() : level.guardrailZ();
        boolean breached = metric.guardrail() != null
                && metric.guardrail().max() != null
                && GuardrailCheck.quantileAbove(
                        HistogramQuantile.countAbove(metric.guardrail().max(), buckets.bounds(), buckets.canary()),
                        canaryN,
                        metric.quantile(),
                        guardrailZ);
        if (canaryN < metric.minSamples()) {
            // Few requests: only the guardrail, a binomial bound on the share above the limit, is trusted.
            // A bootstrap of a tail quantile from so few requests is not.
            if (!breached) {
                return tooFew(metric, data, canaryN, baselineN, tooFew);
            }
            return SampleSize.markedEarly(
                    guardrailOnly(metric, quantileName, canaryQuantile, canaryN, baselineN, true), metric.minSamples());
        }
        if (baselineN < metric.minSamples()) {
            return guardrailOnly(metric, quantileName, canaryQuantile, canaryN, baselineN, breached);
        }
        PodDispersion dispersion = dispersion(data, buckets, metric.quantile(), canaryN);
        TestLevel tested = dispersion.reference(level);
        double[] canaryWeighed = weighed(buckets.canary(), dispersion.canaryEffect());
        double[] baselineWeighed = weighed(buckets.baseline(), dispersion.baselineEffect());
        MannWhitney.Result rank = MannWhitney.binned(canaryWeighed, baselineWeighed);
        BucketBootstrap.Result shift = BucketBootstrap.quantileShift(
                metric.quantile(), buckets.bounds(), canaryWeighed, baselineWeighed, resamples, seed);
        Interval ci = shift.interval(tested.z());
        // As for ratios: a limit stable's own quantile breaks too is not the canary's to answer for.
        boolean shared =
                breached && shift.baselineQuantile() > metric.guardrail().max();
        breached &= !shared;
        double tolerance = relativeTolerance(metric.allowedEffect(), shift.baselineQuantile());
        Label label = Label.PASS;
        if (metric.direction().increaseIsBad() && rank.pGreater() < tested.nominal() && ci.lower() > tolerance) {
            label = Label.HIGH;
        } else if (metric.direction().decreaseIsBad() && rank.pLess() < tested.nominal() && ci.upper() < -tolerance) {
            label = Label.LOW;
        }
        if (breached) {
            label = Label.HIGH;
        }
        String summary = "canary " + quantileName + " " + Format.seconds(shift.canaryQuantile()) + " vs stable "
                + Format.seconds(shift.baselineQuantile()) + " (" + Format.signed(100.0 * shift.relativeShift(), 1)
                + "%, " + Format.confidence(tested.confidence()) + " CI " + Format.range(ci, 100.0, 1) + "%)"
                + dispersion.note()
                + (breached
                        ? ", guardrail " + quantileName + " < "
                                + Format.seconds(metric.guardrail().max()) + " breached"
                        : "")
                + (shared
                        ? ", guardrail " + quantileName + " < "
                                + Format.seconds(metric.guardrail().max()) + " breached by stable too: not the canary's"
                        : "");
        return new MetricResult(
                metric.name(),
                label,
                metric.critical(),
                breached,
                shift.relativeShift(),
                ci,
                tested.confidence(),
                Evidence.badSideP(metric.direction(), rank.pGreater(), rank.pLess()),
                tested.nominal(),
                canaryN,
                baselineN,
                summary);
    }

    /**
     * The baseline pods' requests above the finite bound whose pooled share above is nearest 1 - q (on a log
     * scale) set the dispersion of both sides.
     */
    static PodDispersion dispersion(HistogramData data, BucketCounts buckets, double q, long canaryN) {
        List<double[]> pods = data.baselinePods();
        int last = buckets.bounds().length - 1;
        if (pods.size() < 2 || pods.stream().anyMatch(p -> p == null || p.length != last + 1)) {
            return PodDispersion.NONE;
        }
        int tail = tailBound(buckets.baseline(), q);
        if (tail < 0) {
            return PodDispersion.NONE;
        }
        long[] slow = new long[pods.size()];
        long[] totals = new long[pods.size()];
        for (int i = 0; i < pods.size(); i++) {
            double[] cumulative = pods.get(i);
            double atBound = 0;
            for (int b = 0; b <= tail; b++) {
                atBound = Math.max(atBound, finiteOrZero(cumulative[b]));
            }
            double total = atBound;
            for (int b = tail + 1; b <= last; b++) {
                total = Math.max(total, finiteOrZero(cumulative[b]));
            }
            totals[i] = Math.round(total);
            slow[i] = Math.max(0, totals[i] - Math.round(atBound));
        }
        long[] canaryPods = data.canaryPods().stream()
                .filter(p -> p != null && p.length == last + 1)
                .mapToLong(p -> Math.round(finiteOrZero(p[last])))
                .filter(t -> t > 0)
                .toArray();
        return PodDispersion.of(slow, totals, canaryN, canaryPods);
    }

    /** The index of the finite bound whose share of baseline requests above it is nearest 1 - q; -1 if none. */
    private static int tailBound(double[] baseline, double q) {
        double total = Counts.sum(baseline);
        double target = 1.0 - q;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double below = 0;
        for (int b = 0; b < baseline.length - 1; b++) {
            below += baseline[b];
            double above = (total - below) / total;
            if (above > 0 && above < 1) {
                double distance = Math.abs(Math.log(above / target));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = b;
                }
            }
        }
        return best;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) && v > 0 ? v : 0.0;
    }

    private static double[] weighed(double[] counts, double effect) {
        if (effect <= 1.0) {
            return counts;
        }
        double[] w = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i] = counts[i] / effect;
        }
        return w;
    }

    /** The allowed effect as a fraction of the baseline quantile. */
    private static double relativeTolerance(AllowedEffect effect, double baselineQuantile) {
        return effect.relative() != null ? effect.relative() : effect.absolute() / baselineQuantile;
    }

    /** NoData; Waiting when requests were left out as the canary pods' warm-up (they will count once warm). */
    private static MetricResult tooFew(
            MetricConfig metric, HistogramData data, long canaryN, long baselineN, String tooFew) {
        if (data.canaryWarmingUp() >= 0.5) {
            return MetricResult.withoutEvidence(
                    metric.name(),
                    Label.WAITING,
                    metric.critical(),
                    canaryN,
                    baselineN,
                    tooFew + " after warm-up (" + Math.round(data.canaryWarmingUp())
                            + " in its pods' warm-up): compared once warm");
        }
        return MetricResult.withoutEvidence(
                metric.name(), Label.NO_DATA, metric.critical(), canaryN, baselineN, tooFew);
    }

    private static MetricResult guardrailOnly(
            MetricConfig metric,
            String quantileName,
            double canaryQuantile,
            long canaryN,
            long baselineN,
            boolean breached) {
        String stable = "stable n=" + baselineN + " < " + metric.minSamples();
        if (metric.guardrail() == null || metric.guardrail().max() == null) {
            return MetricResult.withoutEvidence(
                    metric.name(),
                    Label.NO_DATA,
                    metric.critical(),
                    canaryN,
                    baselineN,
                    "canary " + quantileName + " " + Format.seconds(canaryQuantile) + ", " + stable
                            + " and no guardrail");
        }
        String summary = "canary " + quantileName + " " + Format.seconds(canaryQuantile) + " against guardrail < "
                + Format.seconds(metric.guardrail().max()) + (breached ? " breached" : " held") + " (" + stable
                + ", guardrail only)";
        return new MetricResult(
                metric.name(),
                breached ? Label.HIGH : Label.PASS,
                metric.critical(),
                breached,
                Double.NaN,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                canaryN,
                baselineN,
                summary);
    }
}
