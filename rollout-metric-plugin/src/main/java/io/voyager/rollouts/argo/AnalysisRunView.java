package io.voyager.rollouts.argo;

import java.util.List;
import java.util.Map;

/**
 * The parts of Argo's {@code v1alpha1.AnalysisRun} a judge needs.
 *
 * @param args template arguments with a literal value (secret-backed ones are not sent resolved here)
 * @param measurements the measurements in {@code status.metricResults}, by metric name, oldest first
 */
public record AnalysisRunView(
        String name,
        String namespace,
        Map<String, String> args,
        Map<String, List<Measurement>> measurements) {

    public static final AnalysisRunView ABSENT = new AnalysisRunView("", "", Map.of(), Map.of());

    public AnalysisRunView {
        args = Map.copyOf(args);
        measurements = Map.copyOf(measurements);
    }
}
