package io.voyager.rollouts.argo;

import java.util.Optional;

/**
 * The parts of Argo's {@code v1alpha1.Metric} a judge needs. Limits are absent when the template
 * leaves them unset (gob drops nil pointers). {@code pluginConfig} is the JSON under
 * {@code provider.plugin["voyager/canary-judge"]}, after Argo resolved the template arguments.
 */
public record MetricView(
        String name,
        String interval,
        Optional<IntOrString> count,
        Optional<IntOrString> failureLimit,
        Optional<IntOrString> inconclusiveLimit,
        Optional<IntOrString> consecutiveErrorLimit,
        String successCondition,
        String failureCondition,
        Optional<String> pluginConfig) {}
