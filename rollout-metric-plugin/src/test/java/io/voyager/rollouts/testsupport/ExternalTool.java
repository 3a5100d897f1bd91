package io.voyager.rollouts.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A test that needs a tool this machine lacks fails under CI=true and is skipped, loudly, elsewhere. */
public final class ExternalTool {
    private ExternalTool() {}

    public static void missing(String what) {
        String message = what + " is missing: install the packages in scripts/apt-packages.txt";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true, so this fails instead of skipping)");
        }
        System.err.println("!!!!! SKIPPED: " + message + " !!!!!");
        Assumptions.abort(message);
    }
}
