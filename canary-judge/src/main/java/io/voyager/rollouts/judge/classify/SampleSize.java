package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.MetricResult;

/**
 * Fewer canary requests than {@code minSamples} can show harm but never safety. Fisher's exact test and the
 * Wilson bounds keep their error rates at any sample size, so a regression they find on 150 requests is as
 * trustworthy as one found on 5,000; what 150 requests lack is the power to call a canary good. Below a tenth
 * of {@code minSamples} nothing is judged at all: errors come in bursts, and a new pod's first handful of
 * requests are not independent draws.
 */
final class SampleSize {
    static final long EARLY_FRACTION = 10;

    private SampleSize() {
    }

    static long leastToShowHarm(long minSamples) {
        return Math.max(1, (minSamples + EARLY_FRACTION - 1) / EARLY_FRACTION);
    }

    static boolean enoughToShowHarm(long canaryN, long minSamples) {
        return canaryN >= leastToShowHarm(minSamples);
    }

    static boolean harmShownEarly(MetricResult result) {
        return result.guardrailBreached() || result.label().isRegression();
    }

    /** The same result, saying it was reached before the canary had enough requests to pass. */
    static MetricResult markedEarly(MetricResult r, long minSamples) {
        return new MetricResult(r.name(), r.label(), r.critical(), r.guardrailBreached(), r.effect(), r.interval(),
                r.confidence(), r.pValue(), r.boundary(), r.canaryN(), r.baselineN(), r.summary() + " [canary n="
                        + Math.round(r.canaryN()) + " < " + minSamples + ": enough to show harm, too few to show safety]");
    }
}
