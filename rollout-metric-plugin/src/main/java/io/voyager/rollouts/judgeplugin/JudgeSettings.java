package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.prometheus.LabelMatchers;
import io.voyager.rollouts.prometheus.PrometheusSettings;
import java.time.Duration;
import java.util.Map;

/**
 * One metric's {@code provider.plugin."voyager/canary-judge"} config, checked and typed.
 *
 * @param queries the PromQL of each metric, by name, in the order of the judge's metrics
 * @param deadline how long one look may take in all, every query included; what has not answered by then is
 *     cancelled and the look is an Error
 * @param podWarmUp how much of each pod's life, from its process start, histogram comparisons leave out on both
 *     sides ({@link PodWarmUp}); zero leaves nothing out
 * @param slice the length of the slices of the window in which ratio metrics are compared side by side (a
 *     range query at this step); zero compares the whole window's counts only
 * @param plannedLooksSet whether the config named plannedLooks; if not, the metric's {@code count} is used
 */
public record JudgeSettings(
        PrometheusSettings prometheus,
        LabelMatchers canary,
        LabelMatchers baseline,
        Window window,
        Duration step,
        JudgeConfig judge,
        Map<String, MetricQueries> queries,
        Duration deadline,
        Duration podWarmUp,
        Duration slice,
        boolean plannedLooksSet) {

    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /**
     * Twice the default per-query timeout ({@code prometheus.timeout}, 10 s), so a query that times out ends the
     * look with its own message; and below the deployed AnalysisTemplate's 30 s interval, so a look ends before
     * the next one is due.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    public JudgeSettings withPlannedLooks(int looks) {
        return new JudgeSettings(
                prometheus,
                canary,
                baseline,
                window,
                step,
                judge.withPlannedLooks(looks),
                queries,
                deadline,
                podWarmUp,
                slice,
                true);
    }

    public JudgeSettings withWindow(Window newWindow) {
        return new JudgeSettings(
                prometheus,
                canary,
                baseline,
                newWindow,
                step,
                judge,
                queries,
                deadline,
                podWarmUp,
                slice,
                plannedLooksSet);
    }
}
