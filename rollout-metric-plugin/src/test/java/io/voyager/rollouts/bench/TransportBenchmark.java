package io.voyager.rollouts.bench;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobInterface;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.testsupport.Golden;
import io.voyager.rollouts.testsupport.GoPrograms;
import io.voyager.rollouts.testsupport.ProcessResult;
import io.voyager.rollouts.testsupport.Processes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prints the plugin transport's numbers: exec-to-handshake time of the JVM launcher (and of a plain
 * {@code java -jar} for comparison), per-call round trips measured by the Go host, and the decode
 * time of a full RunArgs. Run with src/test/bench/run-benchmarks.sh; not a test.
 */
public final class TransportBenchmark {
    private static final int START_RUNS = 10;
    private static final int CALLS = 500;
    private static final int DECODE_WARMUP = 300;
    private static final int DECODES = 300;

    private TransportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of("target/voyager-canary-judge").toAbsolutePath();
        Path jar = Path.of("target/rollout-metric-plugin-1.0.0-SNAPSHOT-runner.jar")
                .toAbsolutePath();
        System.out.printf(
                "machine: %s, %d cpus, java %s%n",
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        print("exec -> handshake line, launcher (ms)", handshakeTimes(List.of(launcher.toString())), START_RUNS);
        print(
                "exec -> handshake line, plain java -jar (ms)",
                handshakeTimes(List.of("java", "-jar", jar.toString())),
                START_RUNS);
        Path goPlugin = GoPrograms.build("refplugin");
        print(
                "exec -> handshake line, Go reference plugin, baseline (ms)",
                handshakeTimes(List.of(goPlugin.toString())),
                START_RUNS);
        roundTrips("launcher", launcher);
        roundTrips("Go reference plugin, baseline", goPlugin);
        print("decode full RunArgs, fresh stream incl. ~200 type definitions (ms)", decodeTimes(), DECODES);
    }

    private static double[] handshakeTimes(List<String> command) throws Exception {
        double[] ms = new double[START_RUNS];
        Path dir = Files.createTempDirectory("bench");
        for (int i = 0; i < START_RUNS; i++) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("ARGO_ROLLOUTS_RPC_PLUGIN", "metricprovider");
            builder.environment().put("PLUGIN_UNIX_SOCKET_DIR", dir.toString());
            long start = System.nanoTime();
            Process process = builder.start();
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (line == null) {
                throw new IllegalStateException(command + " printed no handshake line");
            }
            // A Go plugin keeps listening after a hang-up, so every candidate is simply stopped.
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return ms;
    }

    private static void roundTrips(String name, Path plugin) throws Exception {
        Path host = GoPrograms.build("interophost");
        ProcessResult result = Processes.run(
                List.of(
                        host.toString(),
                        "-plugin",
                        plugin.toString(),
                        "-concurrent",
                        "1",
                        "-bench",
                        Integer.toString(CALLS),
                        "-expect-run-phase",
                        "",
                        "-expect-run-message",
                        ""),
                Map.of(),
                Path.of("target"),
                Duration.ofMinutes(5));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.describe());
        }
        result.stdout()
                .lines()
                .filter(l -> l.startsWith("BENCH"))
                .forEach(l ->
                        System.out.println("round trip, Go host -> " + name + ", " + l.substring("BENCH ".length())));
    }

    private static double[] decodeTimes() throws Exception {
        byte[] stream = Golden.bytes("plugin-host.bin");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < DECODE_WARMUP + DECODES; i++) {
            long start = System.nanoTime();
            GobDecoder decoder = new GobDecoder();
            ByteArrayInputStream in = new ByteArrayInputStream(stream);
            decoder.decodeValue(in); // InitPlugin header
            decoder.decodeValue(in); // nil interface
            decoder.decodeValue(in); // Run header
            GobInterface runArgs = (GobInterface) decoder.decodeValue(in);
            if (!(runArgs.value() instanceof GobStruct)) {
                throw new IllegalStateException("not RunArgs");
            }
            if (i >= DECODE_WARMUP) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void print(String what, double[] values, int runs) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: runs=%d median=%.3f min=%.3f max=%.3f%n",
                what, runs, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
