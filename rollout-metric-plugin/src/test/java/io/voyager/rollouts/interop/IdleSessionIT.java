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
 * The one slow test: the host keeps the session idle for 90 s, long enough for three of yamux's
 * 30-second keepalive pings (each must be answered within 10 s), then checks it still works.
 */
class IdleSessionIT {

    @Test
    void sessionIdleFor90SecondsIsStillHealthy() throws Exception {
        Path host = GoPrograms.build("interophost");

        ProcessResult result = Processes.run(
                List.of(
                        host.toString(),
                        "-plugin",
                        Launcher.path().toString(),
                        "-concurrent",
                        "2",
                        "-idle",
                        "90s",
                        "-expect-run-message",
                        InteropFixture.RUN_MESSAGE),
                Map.of(),
                Path.of("target"),
                Duration.ofMinutes(3));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout())
                .as(result.describe())
                .contains("PASS Idle healthy after 1m30s")
                .endsWith("INTEROP OK\n");
    }
}
