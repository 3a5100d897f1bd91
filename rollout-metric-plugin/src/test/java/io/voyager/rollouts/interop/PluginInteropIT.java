package io.voyager.rollouts.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.testsupport.GoPrograms;
import io.voyager.rollouts.testsupport.InteropFixture;
import io.voyager.rollouts.testsupport.Launcher;
import io.voyager.rollouts.testsupport.ProcessResult;
import io.voyager.rollouts.testsupport.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Go interop host launches the JVM launcher through go-plugin exactly like Argo's controller
 * and makes every metric-provider call with Argo-shaped arguments.
 */
class PluginInteropIT {
    private static final Duration HOST_TIMEOUT = Duration.ofMinutes(2);

    private static ProcessResult runHost(Map<String, String> env, String... flags) throws Exception {
        Path host = GoPrograms.build("interophost");
        List<String> command = new java.util.ArrayList<>(List.of(
                host.toString(),
                "-plugin",
                Launcher.path().toString(),
                "-expect-run-message",
                InteropFixture.RUN_MESSAGE));
        command.addAll(List.of(flags));
        return Processes.run(command, env, Path.of("target"), HOST_TIMEOUT);
    }

    @Test
    void everyCallSucceedsAgainstTheJvmLauncher() throws Exception {
        ProcessResult result = runHost(Map.of(), "-concurrent", "8");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout())
                .as(result.describe())
                .contains("PASS handshake network=unix")
                .contains("PASS dispense")
                .contains("PASS InitPlugin")
                .contains("PASS Run 8 concurrent calls, phase=Error message=\"invalid config: config: unknown fields "
                        + "canaryHash, prometheusAddress, service, stableHash")
                .contains("PASS Ping after Run")
                .contains("PASS Resume")
                .contains("PASS Terminate")
                .contains("PASS GarbageCollect")
                .contains("PASS Type RPCPlugin")
                .contains("PASS GetMetadata metric=canary-judge,plugin=voyager/canary-judge")
                .contains("PASS UnknownMethod rpc: can't find method Plugin.Nope")
                .contains("PASS YamuxPing")
                .contains("PASS Kill clean exit status 0 after Control.Quit")
                .endsWith("INTEROP OK\n");
    }

    @Test
    void pluginLogsReachTheHostAsHclogLevels() throws Exception {
        ProcessResult result = runHost(Map.of(), "-concurrent", "1");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr())
                .as("the host logs our [INFO] lines at info level")
                .containsPattern("\\[INFO\\] +plugin\\.voyager-canary-judge: \\[INFO\\] .*listening on unix");
    }

    @Test
    void servesOverTcpWithinTheHostsPortRange() throws Exception {
        ProcessResult result = runHost(Map.of("VOYAGER_PLUGIN_LISTENER", "TCP"), "-concurrent", "2");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout())
                .as(result.describe())
                .containsPattern("PASS handshake network=tcp address=127\\.0\\.0\\.1:(1\\d{4}|2[0-4]\\d{3}|25000) ")
                .endsWith("INTEROP OK\n");
    }
}
