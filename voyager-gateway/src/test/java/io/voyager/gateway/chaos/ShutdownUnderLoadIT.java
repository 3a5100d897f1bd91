package io.voyager.gateway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.gateway.merchant.MerchantKeyHashes;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakes;
import io.voyager.gateway.testsupport.StripeFake;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during load: the prod jar runs as a child process against WireMock fakes; 16 clients keep
 * requests in flight (half of them held 500 ms at the processor); the process gets SIGTERM mid-load.
 * As in Kubernetes, the load balancer stops sending to the pod shortly after the signal (here 500 ms;
 * the pod's preStop sleep covers the real delay). Every request sent until then was accepted and must
 * be answered 201: zero dropped in flight, and the gateway drains and exits before its shutdown timeout.
 * The report is in target/chaos/sigterm.txt.
 */
class ShutdownUnderLoadIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG = Path.of("target", "chaos", "sigterm-gateway.log");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Pattern MANAGEMENT = Pattern.compile("Management interface listening on http://[^:]+:(\\d+)");
    private static final int CLIENTS = 16;
    private static final Duration LOAD_BEFORE_SIGTERM =
            Duration.ofSeconds(Boolean.getBoolean("voyager.chaos.long") ? 60 : 3);
    /** How long after the signal the clients still send new requests, as a load balancer would. */
    private static final long DEREGISTRATION_MS = 500;
    /** quarkus.shutdown.timeout: waiting this long means the gateway gave up on requests. */
    private static final long SHUTDOWN_TIMEOUT_MS = 20_000;

    private record Sent(long startNanos, long endNanos, String outcome) {}

    @Test
    void everyRequestAcceptedBeforeSigtermIsAnswered() throws Exception {
        ProcessorFakes fakes = new ProcessorFakes();
        Map<String, String> config = fakes.start();
        Process gateway = null;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            gateway = start(config);
            int port = awaitPort(gateway, LISTENING);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            awaitReady(http, awaitPort(gateway, MANAGEMENT));
            URI uri = URI.create("http://127.0.0.1:" + port + Payments.PATH);
            for (int i = 0; i < 20; i++) {
                assertThat(send(http, uri, "warm-" + i, "tok_approved")).isEqualTo("201");
            }

            ConcurrentLinkedQueue<Sent> results = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong sequence = new AtomicLong();
            for (int c = 0; c < CLIENTS; c++) {
                String token = c % 2 == 0 ? StripeFake.SLOW_TOKEN : "tok_approved";
                clients.submit(() -> {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        String outcome = send(http, uri, "term-" + sequence.incrementAndGet(), token);
                        results.add(new Sent(start, System.nanoTime(), outcome));
                    }
                });
            }
            Thread.sleep(LOAD_BEFORE_SIGTERM.toMillis());
            long sigterm = System.nanoTime();
            gateway.destroy(); // SIGTERM
            Thread.sleep(DEREGISTRATION_MS);
            stop.set(true);
            boolean exited = gateway.waitFor(40, TimeUnit.SECONDS);
            long exitedAt = System.nanoTime();
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS))
                    .as("clients stopped")
                    .isTrue();

            List<Sent> all = new ArrayList<>(results);
            List<Sent> inFlightAtSigterm = all.stream()
                    .filter(s -> s.startNanos() < sigterm && s.endNanos() > sigterm)
                    .toList();
            List<Sent> afterSigterm =
                    all.stream().filter(s -> s.startNanos() >= sigterm).toList();
            List<Sent> dropped =
                    all.stream().filter(s -> !s.outcome().equals("201")).toList();
            long exitMillis = TimeUnit.NANOSECONDS.toMillis(exitedAt - sigterm);
            Map<String, Long> outcomes = new TreeMap<>();
            all.forEach(s -> outcomes.merge(s.outcome(), 1L, Long::sum));
            String report = String.format(
                    Locale.ROOT,
                    "== chaos: SIGTERM during load (%d clients, half held %d ms at the processor, signal after %d s,"
                            + " no new requests from %d ms after it)%n"
                            + "sent %d: in flight at the signal %d, sent after the signal %d%n"
                            + "outcomes: %s%n"
                            + "dropped in flight (sent, not answered 201): %d%n"
                            + "gateway %s %d ms after SIGTERM (exit code %s; shutdown timeout %d ms)%n",
                    CLIENTS,
                    StripeFake.SLOW_MS,
                    LOAD_BEFORE_SIGTERM.toSeconds(),
                    DEREGISTRATION_MS,
                    all.size(),
                    inFlightAtSigterm.size(),
                    afterSigterm.size(),
                    outcomes,
                    dropped.size(),
                    exited ? "exited" : "still running",
                    exitMillis,
                    exited ? gateway.exitValue() : "-",
                    SHUTDOWN_TIMEOUT_MS);
            System.out.println(report);
            Files.writeString(Path.of("target", "chaos", "sigterm.txt"), report);

            assertThat(inFlightAtSigterm)
                    .as("requests in flight at the signal (else this test proves nothing)\n" + report)
                    .hasSizeGreaterThanOrEqualTo(CLIENTS / 2);
            assertThat(afterSigterm)
                    .as("requests sent after the signal, before deregistration\n" + report)
                    .isNotEmpty();
            assertThat(dropped).as("dropped in-flight requests\n" + report).isEmpty();
            assertThat(exited).as("exited\n" + report).isTrue();
            assertThat(exitMillis)
                    .as("drained before the shutdown timeout, not cut off by it\n" + report)
                    .isLessThan(SHUTDOWN_TIMEOUT_MS);
            assertThat(Files.readString(LOG))
                    .as("gateway log " + LOG)
                    .doesNotContain("Timed out waiting for graceful shutdown");
        } finally {
            clients.shutdownNow();
            if (gateway != null && gateway.isAlive()) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            fakes.stop();
        }
    }

    private static Process start(Map<String, String> config) throws IOException {
        assertThat(JAR).as("the prod build (run after package)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=0",
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=0",
                "-Dvoyager.merchants.key-hashes." + Payments.MERCHANT + "="
                        + MerchantKeyHashes.sha256Hex(Payments.PROD_KEY)));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        Files.createDirectories(LOG.getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile())
                .start();
    }

    private static int awaitPort(Process gateway, Pattern announcement) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher listening = announcement.matcher(Files.readString(LOG));
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            assertThat(gateway.isAlive()).as("gateway running; its log: " + LOG).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway did not start within 90 s; see " + LOG);
    }

    /** Traffic only reaches a ready pod: its start-up warm-up may still be running. */
    private static void awaitReady(HttpClient http, int managementPort) throws Exception {
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(System.nanoTime())
                    .as("ready within 60 s; its log: " + LOG)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String send(HttpClient http, URI uri, String key, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + Payments.PROD_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(Payments.body(1299, "USD", token, null)))
                .build();
        try {
            return String.valueOf(
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (ConnectException refused) {
            return "connection refused";
        } catch (IOException e) {
            return "io error " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
