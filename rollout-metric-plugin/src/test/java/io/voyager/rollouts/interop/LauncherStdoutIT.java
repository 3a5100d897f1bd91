package io.voyager.rollouts.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.testsupport.Launcher;
import io.voyager.rollouts.testsupport.ProcessResult;
import io.voyager.rollouts.testsupport.Processes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher prints where: the handshake line alone on stdout, everything else on stderr. */
class LauncherStdoutIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path socketDir;

    @Test
    void stdoutCarriesOnlyTheHandshakeLine() throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(Launcher.path().toString()).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("ARGO_ROLLOUTS_RPC_PLUGIN", "metricprovider");
        builder.environment().put("PLUGIN_UNIX_SOCKET_DIR", socketDir.toString());
        Process plugin = builder.start();
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();

            assertThat(line)
                    .matches("1\\|1\\|unix\\|" + java.util.regex.Pattern.quote(socketDir.toString())
                            + "/plugin\\d+\\|netrpc");
            Path socket = Path.of(line.split("\\|")[3]);
            // Ctrl-C reaches the whole process group; like a Go plugin it waits for its host instead.
            new ProcessBuilder("kill", "-INT", Long.toString(plugin.pid()))
                    .start()
                    .waitFor();
            assertThat(plugin.waitFor(2, TimeUnit.SECONDS))
                    .as("still running after SIGINT")
                    .isFalse();
            try (SocketChannel host = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                host.connect(UnixDomainSocketAddress.of(socket));
            }
            // Hanging up ends the session; the plugin exits and its stdout must hold nothing more.
            assertThat(plugin.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("plugin exits after hang-up")
                    .isTrue();
            assertThat(stdout.readLine())
                    .as("anything after the handshake line")
                    .isNull();
            String stderr = new String(plugin.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(stderr)
                    .as("Quarkus' start-up and our logs are hclog-style lines on stderr")
                    .contains("[INFO] ")
                    .contains("listening on unix")
                    .doesNotContain("__  ____");
            assertThat(plugin.exitValue()).isZero();
            assertThat(Files.exists(socket)).as("socket file removed on exit").isFalse();
        } finally {
            plugin.destroyForcibly();
        }
    }

    @Test
    void withoutTheCookieItExplainsOnStderrAndExitsWithOne() throws Exception {
        ProcessResult result = Processes.run(
                List.of(Launcher.path().toString()), Map.of("ARGO_ROLLOUTS_RPC_PLUGIN", ""), socketDir, START_TIMEOUT);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("This binary is a plugin. These are not meant to be executed directly.");
    }
}
