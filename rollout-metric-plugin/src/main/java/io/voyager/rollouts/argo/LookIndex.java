package io.voyager.rollouts.argo;

import java.util.List;

/**
 * Which look of its AnalysisRun a measurement is: one more than the looks already judged. Error
 * measurements tested nothing, so they spend no alpha and do not count (Argo's {@code count} leaves them
 * out too). The controller trims old measurements from the status but never its count, so the larger of
 * the two wins.
 */
final class LookIndex {
    private LookIndex() {}

    static int of(AnalysisRunView run, String metricName) {
        long judged = 0;
        for (Measurement m : run.measurements().getOrDefault(metricName, List.of())) {
            if (m.finishedAt() != null
                    && m.phase() != null
                    && m.phase() != AnalysisPhase.Error
                    && m.phase() != AnalysisPhase.Running
                    && m.phase() != AnalysisPhase.Pending) {
                judged++;
            }
        }
        long counted = run.measurementCounts().getOrDefault(metricName, 0L);
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(judged, counted)) + 1;
    }
}
