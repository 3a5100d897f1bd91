package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.MetricResult;

/**
 * Fewer canary requests than {@code minSamples} can show that the canary is broken but never that it is good.
 * The guardrail's Wilson bound keeps its error rate at any sample size, so a canary failing a quarter of 150
 * requests is known to be below 98% as surely as on 5,000; what 150 requests lack is the power to call a canary
 * good. Only the absolute guardrail judges early, not the comparison with stable: two errors in a new pod's first
 * 60 requests against a spotless stable would be "significant", but errors come in bursts and a new pod's first
 * requests are not independent draws. An early breach must also hold at the look's sequential level, stricter
 * than the run's alpha the guardrail uses once there is enough data: a canary at 98.5% would otherwise break a
 * 98% guardrail by chance in 1 run of 150 on its first 50 requests. Below a tenth of {@code minSamples} nothing
 * is judged at all.
 */
final class SampleSize {
    static final long EARLY_FRACTION = 10;

    private SampleSize() {}

    static long leastToShowHarm(long minSamples) {
        return Math.max(1, (minSamples + EARLY_FRACTION - 1) / EARLY_FRACTION);
    }

    static boolean enoughToShowHarm(long canaryN, long minSamples) {
        return canaryN >= leastToShowHarm(minSamples);
    }

    /** The level for judging before minSamples: the guardrail needs the look's sequential confidence too. */
    static TestLevel early(TestLevel level) {
        return new TestLevel(level.nominal(), Math.max(level.guardrailZ(), level.z()));
    }

    static boolean harmShownEarly(MetricResult result) {
        return result.guardrailBreached();
    }

    /** The same result, saying it was reached before the canary had enough requests to pass. */
    static MetricResult markedEarly(MetricResult r, long minSamples) {
        return new MetricResult(
                r.name(),
                r.label(),
                r.critical(),
                r.guardrailBreached(),
                r.effect(),
                r.interval(),
                r.confidence(),
                r.pValue(),
                r.boundary(),
                r.canaryN(),
                r.baselineN(),
                r.summary() + " [canary n=" + Math.round(r.canaryN()) + " < " + minSamples
                        + ": enough to show harm, too few to show safety]");
    }
}
