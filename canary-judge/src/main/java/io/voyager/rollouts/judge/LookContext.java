package io.voyager.rollouts.judge;

/**
 * Where this measurement sits in its AnalysisRun.
 *
 * @param look 1 for the first measurement of the run, 2 for the second, ... (the caller counts the
 *     measurements already in the AnalysisRun status)
 * @param infrastructureError non-null when the caller could not fetch data at all; the verdict is then
 *     Error, which Argo's consecutiveErrorLimit handles and which never rolls back by itself
 */
public record LookContext(int look, String infrastructureError) {
    public static LookContext look(int look) {
        return new LookContext(look, null);
    }

    public static LookContext failed(int look, String reason) {
        return new LookContext(look, reason);
    }
}
