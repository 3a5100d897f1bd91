package io.voyager.gateway.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voyager.gateway.processor.ProcessorId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mounted-files source on a folder laid out and updated exactly as the kubelet does it. */
class MountedFilesCredentialsTest {

    /** Long, so a pick-up can only come from the file watch. */
    private static final Duration RESCAN = Duration.ofMinutes(10);

    private static final Duration WATCH_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path mount;

    private MountedFilesCredentials credentials;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        if (credentials != null) {
            credentials.close();
        }
    }

    @Test
    void loadsTheMountedFilesAtStart() throws IOException {
        project(
                "stripe",
                "..2026_11_26_08_00_00.1",
                Map.of("apiKey", "sk_live_mounted_0001\n", "merchantAccountId", "acct_1"));

        start();

        assertThat(credentials.current("stripe").apiKey()).isEqualTo("sk_live_mounted_0001");
        assertThat(credentials.current("stripe").merchantAccountId()).isEqualTo("acct_1");
        assertThat(credentials.current("stripe").webhookSecret()).isEmpty();
    }

    @Test
    void picksUpAnAtomicSymlinkSwap() throws IOException, InterruptedException {
        project(
                "stripe",
                "..2026_11_26_08_00_00.1",
                Map.of("apiKey", "sk_live_mounted_0001", "merchantAccountId", "acct_1"));
        start();

        project(
                "stripe",
                "..2026_11_26_08_01_00.2",
                Map.of("apiKey", "sk_live_mounted_0002", "merchantAccountId", "acct_1"));

        long deadline = System.nanoTime() + WATCH_WAIT.toNanos();
        while (!credentials.current("stripe").apiKey().equals("sk_live_mounted_0002") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(credentials.current("stripe").apiKey())
                .as("within %d s of the swap", WATCH_WAIT.toSeconds())
                .isEqualTo("sk_live_mounted_0002");
        assertThat(registry.get("voyager.credentials.rotations")
                        .tag("processor", "stripe")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void missingFileStopsTheStartNamingFolderAndField() throws IOException {
        project("stripe", "..2026_11_26_08_00_00.1", Map.of("apiKey", "sk_live_mounted_0001"));

        assertThatThrownBy(this::start)
                .isInstanceOf(MalformedSecretException.class)
                .hasMessageContaining(mount.resolve("stripe").toString())
                .hasMessageContaining("merchantAccountId")
                .hasMessageNotContaining("sk_live_mounted_0001");
    }

    private void start() throws IOException {
        credentials = new MountedFilesCredentials(
                        mount, EnumSet.of(ProcessorId.STRIPE), new CredentialsMetrics(registry, Clock.systemUTC()))
                .start(RESCAN);
    }

    /**
     * Writes a Secret the way the kubelet's atomic writer does: the values into a new timestamped
     * folder, a {@code ..data_tmp} link to it renamed over {@code ..data}, and per-key links
     * through {@code ..data} created once.
     */
    private void project(String processor, String version, Map<String, String> files) throws IOException {
        Path folder = Files.createDirectories(mount.resolve(processor));
        Path versioned = Files.createDirectory(folder.resolve(version));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(versioned.resolve(file.getKey()), file.getValue());
        }
        Path tmp = Files.createSymbolicLink(folder.resolve("..data_tmp"), Path.of(version));
        Files.move(tmp, folder.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String key : files.keySet()) {
            Path link = folder.resolve(key);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("..data", key));
            }
        }
    }
}
