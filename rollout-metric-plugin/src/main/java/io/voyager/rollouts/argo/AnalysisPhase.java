package io.voyager.rollouts.argo;

/** Argo's {@code AnalysisPhase}; the constant names are the exact strings on the wire. */
public enum AnalysisPhase {
    Pending,
    Running,
    Successful,
    Failed,
    Error,
    Inconclusive;

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
