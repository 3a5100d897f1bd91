package io.voyager.rollouts.judge;

import io.voyager.rollouts.judge.classify.MetricClassifier;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.score.Decision;
import io.voyager.rollouts.judge.score.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a canary against its baseline at one look of an AnalysisRun: validate the config, classify each
 * metric, score, decide, explain. Never throws on bad input: a broken config or unexpected data becomes
 * an Error verdict that says what is wrong.
 */
public final class CanaryJudge {
    private CanaryJudge() {}

    /**
     * @param data the fetched data by metric name; a metric the caller could not fetch should map to
     *     {@link io.voyager.rollouts.judge.data.Unavailable}
     */
    public static Verdict judge(JudgeConfig config, LookContext context, Map<String, MetricData> data) {
        if (config == null) {
            return error("config: missing");
        }
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            return error("invalid config: " + String.join("; ", problems));
        }
        if (context == null || context.look() < 1) {
            return error("look: must be >= 1");
        }
        if (context.infrastructureError() != null) {
            return error("data source failed: " + context.infrastructureError());
        }
        List<MetricResult> results = new ArrayList<>();
        for (MetricConfig metric : config.metrics()) {
            results.add(classifySafely(config, metric, data == null ? null : data.get(metric.name()), context.look()));
        }
        double score = Scorer.score(config, results);
        Phase phase = Decision.decide(results, score, config.thresholds());
        double value = results.stream().anyMatch(MetricResult::failsAtOnce) ? 0.0 : (Double.isNaN(score) ? 0.0 : score);
        AlphaSpent alpha = alphaSpent(config, context.look());
        return new Verdict(phase, value, VerdictMessage.of(phase, value, results, alpha), results, alpha);
    }

    private static AlphaSpent alphaSpent(JudgeConfig config, int look) {
        double thisLook = 0.0;
        double soFar = 0.0;
        for (MetricConfig metric : config.metrics()) {
            thisLook += MetricClassifier.spent(config, metric, look, false);
            soFar += MetricClassifier.spent(config, metric, look, true);
        }
        return new AlphaSpent(
                look,
                config.plannedLooks(),
                thisLook,
                soFar,
                config.alpha(),
                config.metrics().size());
    }

    private static MetricResult classifySafely(JudgeConfig config, MetricConfig metric, MetricData data, int look) {
        try {
            return MetricClassifier.classify(config, metric, data, look);
        } catch (RuntimeException e) {
            // Errors become data: a bug or a degenerate input must not take the plugin process down.
            return MetricResult.withoutEvidence(
                    metric.name(),
                    Label.ERROR,
                    metric.critical(),
                    0,
                    0,
                    "cannot judge: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Verdict error(String message) {
        return new Verdict(Phase.ERROR, 0.0, message, List.of(), null);
    }
}
