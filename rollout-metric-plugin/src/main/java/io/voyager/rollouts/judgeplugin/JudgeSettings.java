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
        boolean plannedLooksSet) {

    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);

    public JudgeSettings withPlannedLooks(int looks) {
        return new JudgeSettings(prometheus, canary, baseline, window, step, judge.withPlannedLooks(looks), queries, true);
    }

    public JudgeSettings withWindow(Window newWindow) {
        return new JudgeSettings(prometheus, canary, baseline, newWindow, step, judge, queries, plannedLooksSet);
    }
}
