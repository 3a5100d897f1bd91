package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.stats.FisherExact;
import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.Normal;
import io.voyager.rollouts.judge.stats.ProportionInterval;
import io.voyager.rollouts.judge.stats.StratifiedRateDifference;
import io.voyager.rollouts.judge.stats.TwoProportionZ;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Judges good/total counts: Fisher's exact test when an expected cell count is small (sparse errors,
 * kayenta#426), otherwise the two-proportion z with continuity correction; the effect is the difference
 * in good rates, canary - baseline, with Newcombe's hybrid score interval. When the data holds the
 * baseline's per-pod counts, the tests and the interval run on counts weighed down by each side's design
 * effect ({@link PodDispersion}), so pods that differ among themselves do not pass for a regression.
 */
final class RatioClassifier {
    /** Below this expected count in any cell the normal approximation is not trusted (Cochran's rule is 5). */
    static final double EXACT_BELOW_EXPECTED = 10.0;

    private RatioClassifier() {}

    static MetricResult classify(MetricConfig metric, RatioData data, TestLevel level) {
        String problem = invalid(data);
        if (problem != null) {
            return MetricResult.withoutEvidence(metric.name(), Label.ERROR, metric.critical(), 0, 0, problem);
        }
        long canaryTotal = Math.round(data.canaryTotal());
        long canaryGood = Math.min(canaryTotal, Math.round(data.canaryGood()));
        long baselineTotal = Math.round(data.baselineTotal());
        long baselineGood = Math.min(baselineTotal, Math.round(data.baselineGood()));
        if (!SampleSize.enoughToShowHarm(canaryTotal, metric.minSamples())) {
            return tooFew(metric, canaryTotal, baselineTotal);
        }
        PodDispersion dispersion = dispersion(data, canaryTotal);
        if (canaryTotal < metric.minSamples()) {
            MetricResult early = compare(
                    metric,
                    SampleSize.early(level),
                    canaryGood,
                    canaryTotal,
                    baselineGood,
                    baselineTotal,
                    dispersion,
                    data.slices());
            return SampleSize.harmShownEarly(early)
                    ? SampleSize.markedEarly(early, metric.minSamples())
                    : tooFew(metric, canaryTotal, baselineTotal);
        }
        return compare(metric, level, canaryGood, canaryTotal, baselineGood, baselineTotal, dispersion, data.slices());
    }

    /** The baseline's pods' failed requests set the dispersion of both sides. */
    private static PodDispersion dispersion(RatioData data, long canaryTotal) {
        int pods = data.baselinePods().size();
        long[] bad = new long[pods];
        long[] totals = new long[pods];
        for (int i = 0; i < pods; i++) {
            RatioData.Cluster pod = data.baselinePods().get(i);
            totals[i] = Math.round(pod.total());
            bad[i] = totals[i] - Math.min(totals[i], Math.round(pod.good()));
        }
        long[] canaryPods = data.canaryPods().stream()
                .mapToLong(p -> Math.round(p.total()))
                .filter(t -> t > 0)
                .toArray();
        return PodDispersion.of(bad, totals, canaryTotal, canaryPods);
    }

    private static MetricResult tooFew(MetricConfig metric, long canaryTotal, long baselineTotal) {
        return MetricResult.withoutEvidence(
                metric.name(),
                Label.NO_DATA,
                metric.critical(),
                canaryTotal,
                baselineTotal,
                "canary n=" + canaryTotal + " < " + metric.minSamples() + " requests");
    }

    private static MetricResult compare(
            MetricConfig metric,
            TestLevel level,
            long canaryGood,
            long canaryTotal,
            long baselineGood,
            long baselineTotal,
            PodDispersion dispersion,
            List<RatioData.Slice> slices) {
        double canaryRate = (double) canaryGood / canaryTotal;
        boolean breached = metric.guardrail() != null
                && GuardrailCheck.rateBreached(
                        canaryGood,
                        canaryTotal,
                        metric.guardrail().min(),
                        metric.guardrail().max(),
                        level.guardrailZ());
        if (baselineTotal < metric.minSamples()) {
            return guardrailOnly(metric, canaryRate, canaryTotal, baselineTotal, breached);
        }
        TestLevel tested = dispersion.reference(level);
        double baselineRate = (double) baselineGood / baselineTotal;
        // A limit stable breaks as well (an outage or burst every pod shares) says nothing against the canary:
        // the comparison with stable decides, and the SLO alerts and guardrail template see the breach.
        boolean shared = breached && GuardrailCheck.pointBreached(baselineRate, metric.guardrail());
        breached &= !shared;
        long cTotal = PodDispersion.weighed(canaryTotal, dispersion.canaryEffect(), true);
        long cGood = Math.min(cTotal, PodDispersion.weighed(canaryGood, dispersion.canaryEffect(), false));
        long bTotal = PodDispersion.weighed(baselineTotal, dispersion.baselineEffect(), true);
        long bGood = Math.min(bTotal, PodDispersion.weighed(baselineGood, dispersion.baselineEffect(), false));
        double pLower = pCanaryLower(cGood, cTotal, bGood, bTotal);
        double pHigher = pCanaryLower(bGood, bTotal, cGood, cTotal);
        Interval ci = ProportionInterval.newcombeDifference(cGood, cTotal, bGood, bTotal, tested.z());
        double effect = canaryRate - baselineRate;
        StratifiedRateDifference bySlice = bySlice(slices, dispersion, cGood, cTotal, bGood, bTotal);
        if (bySlice != null) {
            pLower = bySlice.pCanaryLower();
            pHigher = bySlice.pCanaryHigher();
            ci = bySlice.interval(tested.z());
            effect = bySlice.effect();
        }
        double tolerance = metric.allowedEffect().tolerance(baselineRate);
        Label label = Label.PASS;
        if (metric.direction().decreaseIsBad() && pLower < tested.nominal() && ci.upper() < -tolerance) {
            label = Label.LOW;
        } else if (metric.direction().increaseIsBad() && pHigher < tested.nominal() && ci.lower() > tolerance) {
            label = Label.HIGH;
        }
        if (breached) {
            label = badSideOf(metric.guardrail(), canaryRate);
        }
        double p = Evidence.badSideP(metric.direction(), pHigher, pLower);
        String summary = "canary " + Format.percent(canaryRate, 2) + " vs stable " + Format.percent(baselineRate, 2)
                + " (" + Format.signed(100.0 * effect, 2) + " pp"
                + (bySlice == null
                        ? ""
                        : " against stable's " + Format.percent(bySlice.baselineRateAtCanaryTimes(), 2)
                                + " at the canary's times, " + bySlice.slices() + " slices")
                + ", " + Format.confidence(tested.confidence()) + " CI " + Format.range(ci, 100.0, 2) + ")"
                + dispersion.note()
                + (breached ? ", guardrail " + describe(metric.guardrail()) + " breached" : "")
                + (shared
                        ? ", guardrail " + describe(metric.guardrail()) + " breached by stable too: not the canary's"
                        : "");
        return new MetricResult(
                metric.name(),
                label,
                metric.critical(),
                breached,
                effect,
                ci,
                tested.confidence(),
                p,
                tested.nominal(),
                canaryTotal,
                baselineTotal,
                summary);
    }

    /**
     * The slice-by-slice comparison, when the data has at least two slices where both sides served and the
     * pooled counts are not sparse (sparse counts stay with Fisher's exact test on the pooled window).
     */
    private static StratifiedRateDifference bySlice(
            List<RatioData.Slice> slices, PodDispersion dispersion, long good1, long n1, long good2, long n2) {
        if (slices.size() < 2 || smallestExpected(good1, n1, good2, n2) < EXACT_BELOW_EXPECTED) {
            return null;
        }
        int k = slices.size();
        long[] canaryGood = new long[k];
        long[] canaryTotal = new long[k];
        long[] baselineGood = new long[k];
        long[] baselineTotal = new long[k];
        int shared = 0;
        for (int t = 0; t < k; t++) {
            RatioData.Slice slice = slices.get(t);
            canaryTotal[t] = Math.round(slice.canaryTotal());
            canaryGood[t] = Math.min(canaryTotal[t], Math.round(slice.canaryGood()));
            baselineTotal[t] = Math.round(slice.baselineTotal());
            baselineGood[t] = Math.min(baselineTotal[t], Math.round(slice.baselineGood()));
            shared += canaryTotal[t] > 0 && baselineTotal[t] > 0 ? 1 : 0;
        }
        if (shared < 2) {
            return null;
        }
        return StratifiedRateDifference.of(
                canaryGood,
                canaryTotal,
                baselineGood,
                baselineTotal,
                dispersion.canaryEffect(),
                dispersion.baselineEffect());
    }

    private static double smallestExpected(long good1, long n1, long good2, long n2) {
        double badShare = ((n1 - good1) + (n2 - good2)) / (double) (n1 + n2);
        return Math.min(Math.min(n1, n2) * badShare, Math.min(n1, n2) * (1.0 - badShare));
    }

    /** One-sided p-value that group 1's good rate is below group 2's. */
    static double pCanaryLower(long good1, long n1, long good2, long n2) {
        long bad1 = n1 - good1;
        long bad2 = n2 - good2;
        if (smallestExpected(good1, n1, good2, n2) < EXACT_BELOW_EXPECTED
                && FisherExact.supportSize(bad1, good1, bad2, good2) <= FisherExact.MAX_SUPPORT) {
            return FisherExact.greater(bad1, good1, bad2, good2);
        }
        return Normal.cdf(TwoProportionZ.z(good1, n1, good2, n2));
    }

    private static MetricResult guardrailOnly(
            MetricConfig metric, double canaryRate, long canaryTotal, long baselineTotal, boolean breached) {
        String stable = "stable n=" + baselineTotal + " < " + metric.minSamples();
        if (metric.guardrail() == null) {
            return MetricResult.withoutEvidence(
                    metric.name(),
                    Label.NO_DATA,
                    metric.critical(),
                    canaryTotal,
                    baselineTotal,
                    "canary " + Format.percent(canaryRate, 2) + ", " + stable + " and no guardrail");
        }
        Label label = breached ? badSideOf(metric.guardrail(), canaryRate) : Label.PASS;
        String summary =
                "canary " + Format.percent(canaryRate, 2) + " against guardrail " + describe(metric.guardrail())
                        + (breached ? " breached" : " held") + " (" + stable + ", guardrail only)";
        return new MetricResult(
                metric.name(),
                label,
                metric.critical(),
                breached,
                Double.NaN,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                canaryTotal,
                baselineTotal,
                summary);
    }

    private static Label badSideOf(Guardrail guardrail, double rate) {
        return guardrail.min() != null && rate < guardrail.min() ? Label.LOW : Label.HIGH;
    }

    private static String describe(Guardrail guardrail) {
        StringBuilder s = new StringBuilder();
        if (guardrail.min() != null) {
            s.append(">= ").append(Format.percent(guardrail.min(), 1));
        }
        if (guardrail.max() != null) {
            s.append(s.length() > 0 ? " and " : "").append("<= ").append(Format.percent(guardrail.max(), 1));
        }
        return s.toString();
    }

    private static String invalid(RatioData d) {
        List<String> problems = new ArrayList<>();
        problems.add(invalidPair(d.canaryGood(), d.canaryTotal(), "counts", "good count exceeds total"));
        problems.add(invalidPair(d.baselineGood(), d.baselineTotal(), "counts", "good count exceeds total"));
        for (List<RatioData.Cluster> pods : List.of(d.canaryPods(), d.baselinePods())) {
            for (RatioData.Cluster pod : pods) {
                problems.add(
                        invalidPair(pod.good(), pod.total(), "per-pod counts", "a pod's good count exceeds its total"));
            }
        }
        String exceeds = "a slice's good count exceeds its total";
        for (RatioData.Slice slice : d.slices()) {
            problems.add(invalidPair(slice.canaryGood(), slice.canaryTotal(), "per-slice counts", exceeds));
            problems.add(invalidPair(slice.baselineGood(), slice.baselineTotal(), "per-slice counts", exceeds));
        }
        return problems.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** What is wrong with one good/total pair, or null; a half-request excess is Prometheus' rounding. */
    private static String invalidPair(double good, double total, String counts, String exceeds) {
        if (!Double.isFinite(good) || !Double.isFinite(total) || good < 0 || total < 0) {
            return counts + " must be finite and >= 0";
        }
        return good > total + 0.5 ? exceeds : null;
    }
}
