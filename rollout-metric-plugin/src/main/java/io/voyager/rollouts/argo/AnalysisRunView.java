package io.voyager.rollouts.argo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parts of Argo's {@code v1alpha1.AnalysisRun} a judge needs.
 *
 * @param args template arguments with a literal value (secret-backed ones are not sent resolved here)
 * @param measurements the measurements in {@code status.metricResults}, by metric name, oldest first
 *     (the controller trims old ones, so this may be shorter than the run's history)
 * @param startedAt {@code status.startedAt}; null when the run has not started or the field was not sent
 * @param measurementCounts {@code status.metricResults[].count} by metric name: measurements taken so far
 *     that ended Successful, Failed or Inconclusive; unlike {@code measurements} never trimmed
 */
public record AnalysisRunView(
        String name,
        String namespace,
        Map<String, String> args,
        Map<String, List<Measurement>> measurements,
        Instant startedAt,
        Map<String, Long> measurementCounts) {

    public static final AnalysisRunView ABSENT = new AnalysisRunView("", "", Map.of(), Map.of());

    public AnalysisRunView {
        args = Map.copyOf(args);
        measurements = Map.copyOf(measurements);
        measurementCounts = measurementCounts == null ? Map.of() : Map.copyOf(measurementCounts);
    }

    public AnalysisRunView(
            String name, String namespace, Map<String, String> args, Map<String, List<Measurement>> measurements) {
        this(name, namespace, args, measurements, null, Map.of());
    }
}
