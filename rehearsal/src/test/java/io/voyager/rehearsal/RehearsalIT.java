package io.voyager.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal's two headline scenarios in quick mode, end to end: a good canary is promoted to 100%,
 * and the 2023 incident (a wrong Adyen merchant account on the canary) is aborted at 5%.
 */
class RehearsalIT {

    private static final List<String> TOOLS = List.of("/usr/bin/prometheus", "/usr/bin/go");
    private static final long BOUND_MINUTES = 20;

    @Test
    void goodCanaryIsPromotedAndTheConfigErrorIsAbortedAtFivePercent() throws Exception {
        requireTools();
        Path root = Path.of("").toAbsolutePath().getParent();
        Path output = Path.of("target/rehearsal-it.log").toAbsolutePath();
        Path charts = Path.of("target/rehearsal-charts").toAbsolutePath();
        Process process = new ProcessBuilder(
                        root.resolve("rehearse.sh").toString(),
                        "--quick",
                        "--scenario",
                        "good",
                        "--scenario",
                        "config-error",
                        "--chart-dir",
                        charts.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(BOUND_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished)
                .as("rehearsal finished within %d minutes; output:%n%s", BOUND_MINUTES, log)
                .isTrue();
        assertThat(process.exitValue())
                .as("rehearsal exit status; output:%n%s", log)
                .isZero();
        assertThat(log).contains("PASS  good: promoted to 100%").contains("PASS  config-error: Aborted at 5%");
        assertThat(charts.resolve("rehearsal-config-error.png")).isNotEmptyFile();
    }

    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (!new File(tool).canExecute()) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            assertThat("true".equals(System.getenv("CI")))
                    .as("CI=true needs " + missing)
                    .isFalse();
            System.err.println("SKIPPING the canary rehearsal: missing " + missing);
            assumeTrue(false);
        }
    }
}
