package io.voyager.rollouts.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.testsupport.CanaryRecording;
import io.voyager.rollouts.testsupport.GoPrograms;
import io.voyager.rollouts.testsupport.Launcher;
import io.voyager.rollouts.testsupport.ProcessResult;
import io.voyager.rollouts.testsupport.Processes;
import io.voyager.rollouts.testsupport.RealPrometheus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin executable, launched by a Go host exactly as Argo's controller launches it, judges recorded
 * canaries in a real Prometheus: each measurement phase Argo acts on comes back over go-plugin net/rpc.
 * The host's AnalysisRun started 10 minutes ago, so the default window (since the analysis started)
 * covers 10 minutes of the recording.
 */
class JudgeInteropIT {
    private static final Duration HOST_TIMEOUT = Duration.ofMinutes(2);
    private static RealPrometheus prometheus;

    @BeforeAll
    static void startPrometheus() throws Exception {
        prometheus = RealPrometheus.start(CanaryRecording.openMetrics(CanaryRecording.end()));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static ProcessResult measure(String config, String... flags) throws Exception {
        Path host = GoPrograms.build("judgehost");
        List<String> command = new java.util.ArrayList<>(
                List.of(host.toString(), "-plugin", Launcher.path().toString(), "-config", config));
        command.addAll(List.of(flags));
        ProcessResult result = Processes.run(command, Map.of(), Path.of("target"), HOST_TIMEOUT);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).endsWith("JUDGEHOST OK\n");
        return result;
    }

    private static String config(String canary, String extra) {
        return CanaryRecording.config(prometheus.address(), canary, extra);
    }

    @Test
    void goodCanaryComesBackSuccessfulWithScoreAndEvidence() throws Exception {
        ProcessResult result = measure(config(CanaryRecording.GOOD, ""), "-judged", "2", "-count", "5");

        assertThat(result.stdout())
                .as(result.describe())
                .contains("PHASE Successful\n")
                .contains("VALUE 100.00\n")
                .containsPattern(
                        "MESSAGE success-rate: canary 99\\.\\d\\d% vs stable 99\\.\\d\\d% .*PASSED \\(score 100; look \\d+ of \\d+ planned: alpha \\S+ spent, \\S+ so far of family-wise \\S+ over 2 metrics\\)\n")
                .contains("META look=3/5\n")
                .containsPattern("META window=10m\\d*s?\n")
                .contains("META success-rate.label=Pass\n")
                .contains("META latency.label=Pass\n")
                .containsPattern("META success-rate.ci=-?[0-9.e-]+\\.\\.-?[0-9.e-]+\n")
                .containsPattern("META success-rate.nCanary=1\\d{4}\n");
    }

    @Test
    void erroringCanaryComesBackFailed() throws Exception {
        ProcessResult result = measure(config(CanaryRecording.ERRORING, ""));

        assertThat(result.stdout())
                .as(result.describe())
                .contains("PHASE Failed\n")
                .contains("VALUE 0.00\n")
                .contains("META success-rate.guardrail=breached\n")
                .containsPattern("MESSAGE success-rate: canary 9[4-6]\\.\\d\\d% vs stable 99\\.\\d\\d% .* FAILED");
    }

    @Test
    void marginalCanaryComesBackInconclusive() throws Exception {
        ProcessResult result = measure(config(CanaryRecording.SLOW, "\"thresholds\":{\"pass\":95,\"marginal\":50}"));

        assertThat(result.stdout())
                .as(result.describe())
                .contains("PHASE Inconclusive\n")
                .contains("VALUE 50.00\n")
                .contains("META latency.label=High\n");
    }

    @Test
    void unreachablePrometheusComesBackAsError() throws Exception {
        String nowhere = CanaryRecording.config(
                URI.create("http://127.0.0.1:" + RealPrometheus.freePort()), CanaryRecording.GOOD, "");

        ProcessResult result = measure(nowhere);

        assertThat(result.stdout())
                .as(result.describe())
                .contains("PHASE Error\n")
                .containsPattern("MESSAGE data source failed: cannot query http://127\\.0\\.0\\.1:\\d+ for ");
    }

    @Test
    void invalidConfigComesBackAsErrorNamingTheField() throws Exception {
        ProcessResult result = measure(config(
                CanaryRecording.GOOD,
                "\"metrics\":[{\"name\":\"cpu\",\"kind\":\"gauge\",\"direction\":\"either\",\"allowedEffect\":{\"relative\":0.1},"
                        + "\"query\":{\"samples\":\"process_cpu_usage\"}}]"));

        assertThat(result.stdout())
                .as(result.describe())
                .contains("PHASE Error\n")
                .contains(
                        "MESSAGE invalid config: metrics[0].kind: must be one of ratio, histogram, series, got 'gauge'\n");
    }
}
