package io.voyager.rollouts.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.argo.PluginRpcService;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.testsupport.ArgoArgs;
import io.voyager.rollouts.testsupport.FakePrometheus;
import io.voyager.rollouts.testsupport.GoPluginProcess;
import io.voyager.rollouts.testsupport.Launcher;
import io.voyager.rollouts.testsupport.PipelinedRpcClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin executable under abuse, driven over the real transport (yamux, broker stream, net/rpc) the way
 * Argo's controller drives it. The JVM gets a 64 MB heap and exits on any OutOfMemoryError, so "no crash
 * and bounded memory" means: the process is still there and answering afterwards. Each scenario prints an
 * ABUSE line with its figures (docs/reliability.md).
 */
class PluginAbuseIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Generous: one query timeout plus start-up noise on a busy machine, far below one timeout per query. */
    private static final Duration SLACK = Duration.ofSeconds(7);

    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);
    private static final long GARBAGE_SEED = 0x6a7b_a6eL;
    private static final Map<String, String> SMALL_HEAP =
            Map.of("VOYAGER_JAVA_OPTS", "-Xmx64m -XX:+ExitOnOutOfMemoryError");

    private GoPluginProcess plugin;
    private PipelinedRpcClient provider;
    private final List<FakePrometheus> servers = new ArrayList<>();

    @BeforeEach
    void startPlugin() throws Exception {
        plugin = GoPluginProcess.start(Launcher.path(), Path.of("target"), SMALL_HEAP);
        provider = plugin.dispensePipelined(PluginRpcService.PLUGIN_SET_NAME);
    }

    @AfterEach
    void stop() {
        servers.forEach(FakePrometheus::close);
        if (plugin != null) {
            plugin.close();
        }
    }

    @Test
    void slowPrometheusIsAnErrorWithinTheTimeout() throws Exception {
        URI slow = serve(exchange -> {
            Thread.sleep(60_000);
            FakePrometheus.send(exchange, 200, vector(1));
        });

        Timed run = run(config(slow));

        // The client's own deadline and the request timeout race; their messages order the parts differently.
        assertError(run, "no answer from " + slow);
        assertThat(run.message()).contains(" within PT3S");
        assertThat(run.elapsed()).as("one query timeout, not one per query").isLessThan(TIMEOUT.plus(SLACK));
        assertStillServing();
        report("slow", 1, 1, run.elapsed());
    }

    @Test
    void garbageAnswersAreErrors() throws Exception {
        SplittableRandom random = new SplittableRandom(GARBAGE_SEED);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        List<byte[]> garbage = List.of(
                noise,
                "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8),
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"val"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"lots\"]}]}}"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{\"not\":\"a list\"}}}"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"x\"]}}"
                        .getBytes(StandardCharsets.UTF_8),
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".repeat(100).getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < garbage.size(); i++) {
            byte[] body = garbage.get(i);
            URI server = serve(exchange -> sendBytes(exchange, 200, body));

            Timed run = run(config(server));

            assertThat(run.phase())
                    .as("garbage %d (seed %d): %s", i, GARBAGE_SEED, run.message())
                    .isEqualTo("Error");
            assertThat(run.message()).as("garbage %d", i).startsWith("data source failed: ");
            slowest = run.elapsed().compareTo(slowest) > 0 ? run.elapsed() : slowest;
        }
        assertThat(slowest).isLessThan(TIMEOUT.plus(SLACK));
        assertStillServing();
        report("garbage", garbage.size(), garbage.size(), slowest);
    }

    @Test
    void fiftyMegabyteAnswersToFiftyConcurrentRunsLeaveTheHeapBounded() throws Exception {
        long fiftyMegabytes = 50L * 1024 * 1024;
        AtomicLong bytesOffered = new AtomicLong();
        URI flood = serve(exchange -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            exchange.sendResponseHeaders(200, fiftyMegabytes);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < fiftyMegabytes; sent += chunk.length) {
                    out.write(chunk);
                    bytesOffered.addAndGet(chunk.length);
                }
            }
        });

        List<Timed> runs = concurrentRuns(config(flood), 50);

        assertThat(runs).allSatisfy(run -> assertError(run, "is too large: response body larger than"));
        Duration slowest =
                runs.stream().map(Timed::elapsed).max(Duration::compareTo).orElseThrow();
        assertStillServing();
        report("50MB", runs.size(), runs.size(), slowest);
        System.out.printf("ABUSE 50MB offered_mb=%d%n", bytesOffered.get() >> 20);
    }

    @Test
    void answerSmallInBytesButHugeAsATreeIsRefused() throws Exception {
        // 3 MB of tiny samples, under the byte cap: some 60 MB as a JSON tree, nearly the whole heap
        StringBuilder json =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"metric\":{\"le\":\"0.1\"},\"value\":[1,\"1\"]}");
        }
        byte[] body = json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
        URI dense = serve(exchange -> sendBytes(exchange, 200, body));

        List<Timed> runs = concurrentRuns(config(dense), 8);

        assertThat(runs).allSatisfy(run -> assertError(run, "JSON values: narrow the query or raise step"));
        Duration slowest =
                runs.stream().map(Timed::elapsed).max(Duration::compareTo).orElseThrow();
        assertStillServing();
        report("dense", runs.size(), runs.size(), slowest);
    }

    @Test
    void fiftyConcurrentRunsOnOneStreamAreAllAnswered() throws Exception {
        URI healthy = serve(exchange -> {
            Thread.sleep(100);
            FakePrometheus.send(exchange, 200, vector(1000));
        });
        String config = config(healthy, "\"metrics\":[{\"name\":\"success-rate\"}]");
        String expectedPhase = run(config).phase();

        List<Timed> runs = concurrentRuns(config, 50);

        assertThat(expectedPhase).isNotEqualTo("Error");
        assertThat(runs)
                .hasSize(50)
                .allSatisfy(run -> assertThat(run.phase()).as(run.message()).isEqualTo(expectedPhase));
        Duration slowest =
                runs.stream().map(Timed::elapsed).max(Duration::compareTo).orElseThrow();
        assertStillServing();
        report("concurrent", 50, runs.size(), slowest);
    }

    @Test
    void controllerDisconnectingMidCallLeavesACleanExit() throws Exception {
        CompletableFuture<Void> queried = new CompletableFuture<>();
        URI slow = serve(exchange -> {
            queried.complete(null);
            Thread.sleep(60_000);
        });
        provider.call(
                "Plugin.Run",
                GobType.INTERFACE,
                ArgoArgs.runArgs(config(slow, "\"prometheus\":{\"address\":\"" + slow + "\",\"timeout\":\"60s\"}")));
        queried.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long start = System.nanoTime();

        plugin.disconnect();
        int exit = plugin.awaitExit(Duration.ofSeconds(30));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exit)
                .as("exit status after the host hung up mid-call (-1: still running)")
                .isZero();
        report("disconnect", 1, 0, took);
    }

    private record Timed(String phase, String message, Duration elapsed) {}

    private Timed run(String config) throws Exception {
        return concurrentRuns(config, 1).get(0);
    }

    private List<Timed> concurrentRuns(String config, int calls) throws Exception {
        List<CompletableFuture<Timed>> pending = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            pending.add(provider.call("Plugin.Run", GobType.INTERFACE, ArgoArgs.runArgs(config))
                    .thenApply(reply -> {
                        GobStruct m = (GobStruct) reply;
                        return new Timed(
                                m.string("Phase"), m.string("Message"), Duration.ofNanos(System.nanoTime() - start));
                    }));
        }
        List<Timed> answered = new ArrayList<>();
        for (CompletableFuture<Timed> call : pending) {
            answered.add(call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS));
        }
        return answered;
    }

    private void assertStillServing() throws Exception {
        assertThat(plugin.isAlive())
                .as("plugin process alive (it exits on OutOfMemoryError)")
                .isTrue();
        assertThat(run("{}").message()).startsWith("invalid config: ");
        plugin.ping();
        assertThat(plugin.quit(Duration.ofSeconds(30)))
                .as("exit status after Control.Quit")
                .isZero();
        plugin = null;
    }

    private static void assertError(Timed run, String messagePart) {
        assertThat(run.phase()).as(run.message()).isEqualTo("Error");
        assertThat(run.message()).contains(messagePart);
    }

    private static void report(String scenario, int sent, int answered, Duration slowest) {
        System.out.printf("ABUSE %s sent=%d answered=%d slowest_ms=%d%n", scenario, sent, answered, slowest.toMillis());
    }

    private URI serve(FakePrometheus.Responder responder) throws IOException {
        FakePrometheus server = FakePrometheus.start(responder);
        servers.add(server);
        return server.address();
    }

    private static void sendBytes(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
            throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String vector(long value) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\""
                + value + "\"]}]}}";
    }

    private static String config(URI prometheus) {
        return config(prometheus, "");
    }

    /** A judge config for {@code prometheus} with the test's timeout; {@code extra} fields may replace it. */
    private static String config(URI prometheus, String extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("prometheus", "{\"address\":\"" + prometheus + "\",\"timeout\":\"" + TIMEOUT.toSeconds() + "s\"}");
        fields.put("canary", "\"rollouts_pod_template_hash=\\\"7d9c8f\\\"\"");
        fields.put("baseline", "\"rollouts_pod_template_hash=\\\"5b6f4a\\\"\"");
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (!extra.contains("\"" + k + "\":")) {
                json.append('"').append(k).append("\":").append(v).append(',');
            }
        });
        json.append(extra);
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        return json.append('}').toString();
    }
}
