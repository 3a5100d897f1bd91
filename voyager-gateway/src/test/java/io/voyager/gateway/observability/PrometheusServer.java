package io.voyager.gateway.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real Prometheus server (the Debian package's binary) on a loopback port, with its data in a temporary folder. */
final class PrometheusServer implements AutoCloseable {

    /** What /api/v1/query answered: an error, or how many series came back and how many of them were NaN. */
    record Answer(String error, int series, int nanSeries) {

        boolean hasData() {
            return error == null && series > nanSeries;
        }

        String describe() {
            if (error != null) {
                return "error: " + error;
            }
            return series == 0 ? "no data" : series == nanSeries ? "only NaN" : series + " series";
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** The prometheus binary on PATH, if any. */
    static Optional<Path> binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static PrometheusServer start(Path binary, Path config, Path workDir) throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--storage.tsdb.retention.time=1h",
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus not ready within " + READY_TIMEOUT + ":\n" + log());
    }

    Answer query(String expr) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        JsonNode body = json.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            return new Answer(
                    body.path("errorType").asText() + ": " + body.path("error").asText(), 0, 0);
        }
        JsonNode data = body.path("data");
        List<JsonNode> samples = switch (data.path("resultType").asText()) {
            case "vector" ->
                iterate(data.path("result")).stream().map(s -> s.path("value")).toList();
            case "scalar" -> List.of(data.path("result"));
            default -> List.of();
        };
        int nan = (int)
                samples.stream().filter(v -> "NaN".equals(v.path(1).asText())).count();
        return new Answer(null, samples.size(), nan);
    }

    /** Every loaded rule group, as /api/v1/rules reports it. */
    JsonNode ruleGroups() throws IOException, InterruptedException {
        return json.readTree(get("/api/v1/rules").body()).path("data").path("groups");
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(REQUEST_TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> iterate(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
                .map(array::get)
                .toList();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
