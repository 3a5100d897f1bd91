package io.voyager.rollouts.judge.config;

import io.voyager.rollouts.judge.stats.SpendingFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the judge needs besides the data.
 *
 * @param alpha the false-failure rate allowed over one whole AnalysisRun, across all its looks and metrics
 * @param plannedLooks how many times the run is expected to measure; alpha is spent over these looks
 * @param spending how alpha is spent over the looks
 * @param groupWeights Kayenta-style group weights for the score; a group not listed weighs 1
 * @param bootstrapResamples resamples for the histogram quantile interval
 * @param bootstrapSeed seed of those resamples, so a verdict can be reproduced exactly
 */
public record JudgeConfig(
        double alpha,
        int plannedLooks,
        SpendingFunction spending,
        Thresholds thresholds,
        List<MetricConfig> metrics,
        Map<String, Double> groupWeights,
        int bootstrapResamples,
        long bootstrapSeed) {

    public static final double DEFAULT_ALPHA = 0.01;
    public static final int DEFAULT_PLANNED_LOOKS = 12;
    public static final SpendingFunction DEFAULT_SPENDING = SpendingFunction.POCOCK;
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 200;
    public static final long DEFAULT_BOOTSTRAP_SEED = 20_251_128L;
    public static final int MAX_PLANNED_LOOKS = 200;

    /** These metrics, judged with every default. */
    public static JudgeConfig withMetrics(List<MetricConfig> metrics) {
        return new JudgeConfig(
                DEFAULT_ALPHA,
                DEFAULT_PLANNED_LOOKS,
                DEFAULT_SPENDING,
                Thresholds.DEFAULT,
                metrics,
                Map.of(),
                DEFAULT_BOOTSTRAP_RESAMPLES,
                DEFAULT_BOOTSTRAP_SEED);
    }

    public JudgeConfig withPlannedLooks(int looks) {
        return new JudgeConfig(
                alpha, looks, spending, thresholds, metrics, groupWeights, bootstrapResamples, bootstrapSeed);
    }

    public JudgeConfig withAlpha(double newAlpha) {
        return new JudgeConfig(
                newAlpha, plannedLooks, spending, thresholds, metrics, groupWeights, bootstrapResamples, bootstrapSeed);
    }

    public JudgeConfig withSpending(SpendingFunction newSpending) {
        return new JudgeConfig(
                alpha, plannedLooks, newSpending, thresholds, metrics, groupWeights, bootstrapResamples, bootstrapSeed);
    }

    public double groupWeight(String group) {
        return groupWeights == null ? 1.0 : groupWeights.getOrDefault(group, 1.0);
    }

    /** Every problem with this config, each as "field: reason"; empty when the config can be used. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (!(alpha > 0 && alpha < 0.5)) {
            errors.add("alpha: must be > 0 and < 0.5, got " + alpha);
        }
        if (plannedLooks < 1 || plannedLooks > MAX_PLANNED_LOOKS) {
            errors.add("plannedLooks: must be 1.." + MAX_PLANNED_LOOKS + ", got " + plannedLooks);
        }
        if (spending == null) {
            errors.add("spending: must be set");
        }
        validateThresholds(errors);
        if (bootstrapResamples < 20) {
            errors.add("bootstrapResamples: must be >= 20, got " + bootstrapResamples);
        }
        if (groupWeights != null) {
            groupWeights.forEach((group, weight) -> {
                if (weight == null || !(weight > 0) || weight.isInfinite()) {
                    errors.add("groupWeights." + group + ": must be > 0");
                }
            });
        }
        if (metrics == null || metrics.isEmpty()) {
            errors.add("metrics: at least one metric is needed");
            return errors;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String field = "metrics[" + i + "]";
            MetricConfig metric = metrics.get(i);
            if (metric == null) {
                errors.add(field + ": must not be null");
                continue;
            }
            if (metric.name() != null && !names.add(metric.name())) {
                errors.add(field + ".name: duplicate name '" + metric.name() + "'");
            }
            MetricConfigValidator.validate(field, metric, errors);
        }
        return errors;
    }

    private void validateThresholds(List<String> errors) {
        if (thresholds == null) {
            errors.add("thresholds: must be set");
            return;
        }
        if (!(thresholds.pass() >= 0 && thresholds.pass() <= 100)) {
            errors.add("thresholds.pass: must be within 0..100, got " + thresholds.pass());
        }
        if (!(thresholds.marginal() >= 0 && thresholds.marginal() <= thresholds.pass())) {
            errors.add("thresholds.marginal: must be within 0..thresholds.pass, got " + thresholds.marginal());
        }
    }
}
