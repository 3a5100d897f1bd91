package io.voyager.rollouts.judge.config;

import java.util.List;

/** The checks on one metric's settings, reported as "metrics[i].field: reason". */
final class MetricConfigValidator {
    private MetricConfigValidator() {}

    static void validate(String field, MetricConfig metric, List<String> errors) {
        if (metric.name() == null || metric.name().isBlank()) {
            errors.add(field + ".name: must not be blank");
        }
        if (metric.kind() == null) {
            errors.add(field + ".kind: must be one of ratio, histogram, series");
        }
        if (metric.direction() == null) {
            errors.add(field + ".direction: must be one of increase-is-bad, decrease-is-bad, either");
        }
        validateAllowedEffect(field + ".allowedEffect", metric.allowedEffect(), errors);
        if (metric.group() == null || metric.group().isBlank()) {
            errors.add(field + ".group: must not be blank");
        }
        if (!(metric.weight() > 0) || Double.isInfinite(metric.weight())) {
            errors.add(field + ".weight: must be > 0, got " + metric.weight());
        }
        if (!(metric.quantile() > 0 && metric.quantile() < 1)) {
            errors.add(field + ".quantile: must be > 0 and < 1, got " + metric.quantile());
        }
        long smallest = metric.kind() == MetricKind.SERIES ? 3 : 1;
        if (metric.minSamples() < smallest) {
            errors.add(field + ".minSamples: must be >= " + smallest + ", got " + metric.minSamples());
        }
        if (!(metric.maxSpreadRatio() >= 1) || Double.isInfinite(metric.maxSpreadRatio())) {
            errors.add(field + ".maxSpreadRatio: must be >= 1, got " + metric.maxSpreadRatio());
        }
        validateGuardrail(field + ".guardrail", metric, errors);
    }

    private static void validateAllowedEffect(String field, AllowedEffect effect, List<String> errors) {
        if (effect == null || (effect.absolute() == null) == (effect.relative() == null)) {
            errors.add(field + ": set exactly one of absolute or relative");
            return;
        }
        if (effect.absolute() != null && !(effect.absolute() >= 0 && Double.isFinite(effect.absolute()))) {
            errors.add(field + ".absolute: must be >= 0, got " + effect.absolute());
        }
        if (effect.relative() != null && !(effect.relative() > 0 && Double.isFinite(effect.relative()))) {
            errors.add(field + ".relative: must be > 0, got " + effect.relative());
        }
    }

    private static void validateGuardrail(String field, MetricConfig metric, List<String> errors) {
        Guardrail guardrail = metric.guardrail();
        if (guardrail == null) {
            return;
        }
        if (guardrail.min() == null && guardrail.max() == null) {
            errors.add(field + ": set min, max or both");
        }
        if (guardrail.min() != null && guardrail.max() != null && guardrail.min() > guardrail.max()) {
            errors.add(field + ".min: must be <= " + field + ".max");
        }
        boolean isRatio = metric.kind() == MetricKind.RATIO;
        for (Double bound : new Double[] {guardrail.min(), guardrail.max()}) {
            if (bound != null && (!Double.isFinite(bound) || (isRatio && (bound < 0 || bound > 1)))) {
                errors.add(
                        field + ": bounds must be finite" + (isRatio ? " rates within 0..1" : "") + ", got " + bound);
            }
        }
        if (metric.kind() == MetricKind.HISTOGRAM && guardrail.min() != null) {
            errors.add(field + ".min: a histogram guardrail caps its quantile, set max only");
        }
    }
}
