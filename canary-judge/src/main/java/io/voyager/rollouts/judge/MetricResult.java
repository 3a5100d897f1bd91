package io.voyager.rollouts.judge;

import io.voyager.rollouts.judge.stats.Interval;

/**
 * The judgement of one metric, with the evidence behind it.
 *
 * @param effect canary minus baseline in the metric's natural unit: rate difference (ratio), relative
 *     quantile shift (histogram), Hodges-Lehmann shift (series); NaN when not estimated
 * @param interval confidence interval of the effect at {@code confidence}
 * @param pValue one-sided p-value of the test in the bad direction (the smaller one for "either")
 * @param boundary the p-value this look had to beat (alpha spent so far, split over metrics and tests)
 * @param guardrailBreached the canary broke its absolute guardrail, with confidence
 * @param summary the human half-sentence, e.g. "canary 97.1% vs stable 99.6% (−2.5 pp, 99% CI −2.9..−2.1)"
 */
public record MetricResult(
        String name,
        Label label,
        boolean critical,
        boolean guardrailBreached,
        double effect,
        Interval interval,
        double confidence,
        double pValue,
        double boundary,
        double canaryN,
        double baselineN,
        String summary) {

    public static MetricResult withoutEvidence(
            String name, Label label, boolean critical, double canaryN, double baselineN, String summary) {
        return new MetricResult(
                name,
                label,
                critical,
                false,
                Double.NaN,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                canaryN,
                baselineN,
                summary);
    }

    /** Fails the whole run at once, whatever the score. */
    public boolean failsAtOnce() {
        return guardrailBreached || (critical && label.isRegression());
    }
}
