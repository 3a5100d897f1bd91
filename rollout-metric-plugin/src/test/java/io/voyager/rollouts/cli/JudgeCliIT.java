package io.voyager.rollouts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.testsupport.CanaryRecording;
import io.voyager.rollouts.testsupport.Launcher;
import io.voyager.rollouts.testsupport.ProcessResult;
import io.voyager.rollouts.testsupport.Processes;
import io.voyager.rollouts.testsupport.RealPrometheus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voyager-canary-judge judge} from a terminal, as a post-mortem: judged at the end of the recording
 * ({@code --at}), whatever the time is now. Exit status 0/1/2/3 for pass/fail/inconclusive/error.
 */
class JudgeCliIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static Instant end;
    private static RealPrometheus prometheus;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPrometheus() throws Exception {
        end = CanaryRecording.end().minus(Duration.ofHours(1));
        prometheus = RealPrometheus.start(CanaryRecording.openMetrics(end));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private ProcessResult judge(String canary, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Launcher.path().toString(),
                "judge",
                "--prometheus",
                prometheus.address().toString(),
                "--canary",
                "rollouts_pod_template_hash=\"" + canary + "\"",
                "--baseline",
                "rollouts_pod_template_hash=\"stable\"",
                "--window",
                "10m",
                "--at",
                end.toString()));
        command.addAll(List.of(extra));
        return Processes.run(command, Map.of("ARGO_ROLLOUTS_RPC_PLUGIN", ""), dir, TIMEOUT);
    }

    @Test
    void goodCanaryPrintsTheTableAndExitsZero() throws Exception {
        ProcessResult result = judge(CanaryRecording.GOOD);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout())
                .as(result.describe())
                .contains("look 1/12, window 10m ending " + end)
                .containsPattern("METRIC +LABEL +EFFECT +CI +P-VALUE +BOUNDARY +N CANARY +N STABLE\n")
                .containsPattern("success-rate +Pass +")
                .containsPattern("latency +Pass +")
                .contains("verdict: Successful (score 100.00)");
    }

    @Test
    void erroringCanaryExitsOne() throws Exception {
        ProcessResult result = judge(CanaryRecording.ERRORING);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout())
                .containsPattern("success-rate +Low \\(guardrail\\)")
                .contains("verdict: Failed");
    }

    @Test
    void thinCanaryExitsTwo() throws Exception {
        ProcessResult result = judge(CanaryRecording.THIN);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stdout()).contains("verdict: Inconclusive");
    }

    @Test
    void yamlConfigFileSetsTheThresholds() throws Exception {
        Path config = dir.resolve("judge.yaml");
        Files.writeString(
                config,
                "# copied from an AnalysisTemplate\nthresholds:\n  pass: 95\n  marginal: 50\n",
                StandardCharsets.UTF_8);

        ProcessResult result = judge(CanaryRecording.SLOW, "--config", config.toString());

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stdout()).containsPattern("latency +High +").contains("verdict: Inconclusive (score 50.00)");
    }

    @Test
    void unreachablePrometheusExitsThree() throws Exception {
        List<String> command = List.of(
                Launcher.path().toString(),
                "judge",
                "--prometheus",
                "http://127.0.0.1:" + RealPrometheus.freePort(),
                "--canary",
                "rollouts_pod_template_hash=\"good\"",
                "--baseline",
                "rollouts_pod_template_hash=\"stable\"",
                "--window",
                "5m");

        ProcessResult result = Processes.run(command, Map.of(), dir, TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.stdout()).contains("verdict: Error").contains("data source failed");
    }

    @Test
    void invalidSelectorExitsThreeNamingTheFlagsField() throws Exception {
        ProcessResult result = judge("good\"x");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.stderr()).contains("judge: invalid config: canary: ");
        assertThat(result.stdout()).isEmpty();
    }
}
