package io.voyager.rollouts.goplugin.netrpc;

import static org.assertj.core.api.Assertions.fail;

import io.voyager.rollouts.goplugin.gob.GobException;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.testsupport.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real request streams (truncation, flipped bytes, forged lengths, random
 * bytes) into the net/rpc server: it must stop with IOException or GobException, within a bound.
 */
class RpcServerFuzzTest {
    private static final long SEED = 0xf0cc_a51eL;
    private static final int ITERATIONS = 4_000;
    private static final long PER_INPUT_LIMIT_MS = 2_000;

    @Test
    void mutatedRequestStreamsOnlyEverFailWithDeclaredExceptions() throws Exception {
        byte[][] seeds = {Golden.bytes("control-host.bin"), Golden.bytes("plugin-host.bin")};
        RpcServices services = new RpcServices()
                .register("Dispenser", "Dispense", arg -> RpcReply.of(GobType.UINT32, 1L))
                .register("Control", "Ping", arg -> RpcReply.empty())
                .register("Plugin", "Run", arg -> RpcReply.of(GobType.STRING, "ok"));
        Random random = new Random(SEED);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] input = mutate(seeds[i % seeds.length], random);
                RpcServer server = new RpcServer(services, workers, 2);
                Future<?> run = runner.submit(() -> {
                    server.serve(new ByteArrayInputStream(input), OutputStream.nullOutputStream());
                    return null;
                });
                try {
                    run.get(PER_INPUT_LIMIT_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof IOException) && !(cause instanceof GobException)) {
                        fail("seed " + SEED + " iteration " + i + ": " + cause, cause);
                    }
                } catch (TimeoutException e) {
                    run.cancel(true);
                    fail("seed " + SEED + " iteration " + i + ": no result within " + PER_INPUT_LIMIT_MS + " ms");
                }
            }
        } finally {
            runner.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes;
        switch (random.nextInt(4)) {
            case 0 -> {
                bytes = new byte[random.nextInt(seed.length)];
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
            case 1 -> {
                bytes = seed.clone();
                for (int f = 0; f < 1 + random.nextInt(8); f++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> {
                // A forged huge length where a message or a string length begins.
                bytes = seed.clone();
                int at = random.nextInt(bytes.length - 9);
                bytes[at] = (byte) 0xf8;
                for (int k = 1; k <= 8; k++) {
                    bytes[at + k] = (byte) 0x7f;
                }
            }
            default -> {
                bytes = new byte[random.nextInt(256)];
                random.nextBytes(bytes);
            }
        }
        return bytes;
    }
}
