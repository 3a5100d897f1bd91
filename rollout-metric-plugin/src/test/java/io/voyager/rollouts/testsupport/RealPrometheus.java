package io.voyager.rollouts.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian {@code prometheus} binary on a free loopback port, serving a TSDB that {@code promtool}
 * builds from an OpenMetrics recording. Nothing scrapes: the recording is all the data there is. Missing
 * binaries fail under CI=true and skip loudly elsewhere.
 */
public final class RealPrometheus implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROMTOOL_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Path dir;
    private final URI address;

    private RealPrometheus(Process process, Path dir, URI address) {
        this.process = process;
        this.dir = dir;
        this.address = address;
    }

    public static RealPrometheus start(String openMetrics) throws IOException, InterruptedException {
        Path prometheus = executable("prometheus");
        Path promtool = executable("promtool");
        Path dir = Files.createTempDirectory("voyager-prometheus");
        Path recording = dir.resolve("recording.om");
        Files.writeString(recording, openMetrics, StandardCharsets.UTF_8);
        Path tsdb = dir.resolve("tsdb");
        ProcessResult blocks = Processes.run(
                List.of(
                        promtool.toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        recording.toString(),
                        tsdb.toString()),
                Map.of(),
                dir,
                PROMTOOL_TIMEOUT);
        if (blocks.exitCode() != 0) {
            delete(dir);
            throw new AssertionError("promtool could not build the TSDB\n" + blocks.describe());
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 15s\n", StandardCharsets.UTF_8);
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(
                        prometheus.toString(),
                        "--storage.tsdb.path=" + tsdb,
                        "--web.listen-address=127.0.0.1:" + port,
                        "--config.file=" + config,
                        "--storage.tsdb.retention.time=30d")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RealPrometheus started = new RealPrometheus(process, dir, URI.create("http://127.0.0.1:" + port));
        try {
            started.awaitReady(log);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            started.close();
            throw e;
        }
        return started;
    }

    public URI address() {
        return address;
    }

    /** Stops the server but keeps its address, to judge against a Prometheus that went away. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            delete(dir);
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline && attempt < 600; attempt++) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "prometheus exited with " + process.exitValue() + "\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(address.resolve("/-/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus not ready within " + READY_TIMEOUT + "\n" + Files.readString(log));
    }

    private static Path executable(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        ExternalTool.missing(name + " (Debian package prometheus)");
        throw new IllegalStateException("unreachable");
    }

    /** A port nobody listens on right now: also the address of a Prometheus that is not there. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is not worth failing a test for
        }
    }
}
