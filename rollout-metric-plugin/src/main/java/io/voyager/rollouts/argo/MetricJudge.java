package io.voyager.rollouts.argo;

/** Decides one measurement of a metric. Implementations turn every failure into an Error measurement. */
public interface MetricJudge {

    Measurement run(AnalysisRunView run, MetricView metric);

    /** Continues a measurement that was returned in phase Running; by default judges afresh. */
    default Measurement resume(AnalysisRunView run, MetricView metric, Measurement inProgress) {
        return run(run, metric);
    }
}
