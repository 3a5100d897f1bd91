package io.voyager.rollouts.testsupport;

/** How a finished child process ended and what it printed. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    public String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr (tail)\n"
                + stderr.substring(Math.max(0, stderr.length() - 4000));
    }
}
