package io.voyager.rollouts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's usage errors: exit 3 with a reason on stderr, before any query is sent. */
class JudgeCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return JudgeCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: voyager-canary-judge judge --prometheus URL");
    }

    @Test
    void unknownFlagOrMissingValueExitsThree() {
        assertThat(run("--prometheus")).isEqualTo(JudgeCli.ERROR);
        assertThat(stderr()).startsWith("judge: unknown flag or missing value: --prometheus\nusage:");
        assertThat(run("--canary", "a=\"b\"", "--verbose", "yes")).isEqualTo(JudgeCli.ERROR);
    }

    @Test
    void missingSettingsAreNamedLikeConfigFields() {
        assertThat(run("--canary", "h=\"c\"")).isEqualTo(JudgeCli.ERROR);
        assertThat(stderr())
                .isEqualTo(
                        "judge: invalid config: prometheus.address: required, e.g. http://prometheus.monitoring:9090; "
                                + "baseline: required, label matchers like rollouts_pod_template_hash=\"7d9c8f\"\n");
        assertThat(out.size()).isZero();
    }

    @Test
    void windowIsRequiredBecauseThereIsNoAnalysisRun() {
        assertThat(run("--prometheus", "http://127.0.0.1:1", "--canary", "h=\"c\"", "--baseline", "h=\"b\""))
                .isEqualTo(JudgeCli.ERROR);
        assertThat(stderr()).contains("--window: required, e.g. 5m (there is no AnalysisRun to start from)");
    }

    @Test
    void badTimeLookOrConfigFileExitThree() throws Exception {
        String[] base = {
            "--prometheus", "http://127.0.0.1:1", "--canary", "h=\"c\"", "--baseline", "h=\"b\"", "--window", "5m"
        };
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "thresholds: [pass\n");

        assertThat(run(concat(base, "--at", "yesterday"))).isEqualTo(JudgeCli.ERROR);
        assertThat(run(concat(base, "--look", "0"))).isEqualTo(JudgeCli.ERROR);
        assertThat(run(concat(base, "--config", dir.resolve("absent.yaml").toString())))
                .isEqualTo(JudgeCli.ERROR);
        assertThat(run(concat(base, "--config", broken.toString()))).isEqualTo(JudgeCli.ERROR);
        assertThat(stderr())
                .contains("--at: must be an RFC 3339 UTC time like 2024-05-06T07:10:00Z, got 'yesterday'")
                .contains("--look: must be a whole number >= 1, got '0'")
                .contains("--config: cannot read " + dir.resolve("absent.yaml"))
                .contains("--config " + broken + ": not valid YAML or JSON at line");
        assertThat(out.size()).isZero();
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
