package io.voyager.rollouts.argo;

import io.voyager.rollouts.judge.Phase;

/** Argo's {@code AnalysisPhase}; the constant names are the exact strings on the wire. */
public enum AnalysisPhase {
    Pending,
    Running,
    Successful,
    Failed,
    Error,
    Inconclusive;

    /** The phase a measurement reports a verdict in; a verdict without a phase is an Error. */
    public static AnalysisPhase of(Phase verdict) {
        if (verdict == null) {
            return Error;
        }
        return switch (verdict) {
            case SUCCESSFUL -> Successful;
            case INCONCLUSIVE -> Inconclusive;
            case FAILED -> Failed;
            case ERROR -> Error;
        };
    }

    /** The phase for a wire string; unknown or empty strings are {@code null}. */
    public static AnalysisPhase parse(String wire) {
        for (AnalysisPhase phase : values()) {
            if (phase.name().equals(wire)) {
                return phase;
            }
        }
        return null;
    }
}
