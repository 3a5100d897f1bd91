package io.voyager.rollouts.goplugin.gob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints decode and encode times of the plugin's real traffic (not a unit test). Run from the repository root:
 * <pre>
 * ./mvnw -B -q -o -pl go-plugin-transport test-compile
 * java -cp go-plugin-transport/target/classes:go-plugin-transport/target/test-classes io.voyager.rollouts.goplugin.gob.GobCodecBenchmark
 * </pre>
 * The Go baseline for the same three operations: {@code cd go-plugin-transport/src/test/go/gobgolden && GO111MODULE=off
 * go run . -bench ../../resources/golden}.
 */
public final class GobCodecBenchmark {

    private static final int ROUNDS = 15;

    private GobCodecBenchmark() {}

    public static void main(String[] args) throws IOException {
        byte[] firstCall = Golden.bytes("resume-first-requests.gob");
        byte[] stream = Golden.bytes("plugin-stream-requests.gob");
        int runStart = Golden.lengthOfValues(stream, 4);
        int runEnd = Golden.lengthOfValues(stream, 6);
        byte[] repeatRun = Arrays.copyOfRange(stream, runStart, runEnd);
        GobDecoder warm = new GobDecoder();
        InputStream prefix = new ByteArrayInputStream(stream, 0, runStart);
        for (int i = 0; i < 4; i++) {
            warm.decode(prefix);
        }

        System.out.printf("%-58s %10s %18s%n", "operation (bytes)", "median", "min-max");
        report("first call: header + TerminateAndResumeArgs, ~220 types (" + firstCall.length + ")", 200, () -> {
            GobDecoder decoder = new GobDecoder();
            InputStream in = new ByteArrayInputStream(firstCall);
            decoder.decode(in);
            decoder.decode(in);
        });
        report("repeat call: header + RunArgs, types known (" + repeatRun.length + ")", 2_000, () -> {
            InputStream in = new ByteArrayInputStream(repeatRun);
            warm.decode(in);
            warm.decode(in);
        });
        GobEncoder encoder = new GobEncoder();
        Map<String, Object> header = new LinkedHashMap<>(Map.of("ServiceMethod", "Plugin.Run", "Seq", 1L));
        Map<String, Object> measurement = Map.of(
                "Phase",
                "Successful",
                "Value",
                "0.99",
                "StartedAt",
                GoTime.utc(java.time.Instant.parse("2024-01-02T03:04:05Z")),
                "FinishedAt",
                GoTime.utc(java.time.Instant.parse("2024-01-02T03:04:07Z")),
                "Metadata",
                Map.of("q", "up"));
        report("encode reply: Response header + Measurement", 20_000, () -> {
            encoder.encode(Golden.RESPONSE, header);
            encoder.encode(Golden.MEASUREMENT, measurement);
        });
    }

    private interface Operation {
        void run() throws IOException;
    }

    private static void report(String name, int iterations, Operation op) throws IOException {
        for (int i = 0; i < iterations * 3; i++) {
            op.run(); // warm-up
        }
        double[] micros = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                op.run();
            }
            micros[r] = (System.nanoTime() - start) / 1_000.0 / iterations;
        }
        Arrays.sort(micros);
        System.out.printf("%-58s %8.1f µs %7.1f-%.1f µs%n", name, micros[ROUNDS / 2], micros[0], micros[ROUNDS - 1]);
    }
}
