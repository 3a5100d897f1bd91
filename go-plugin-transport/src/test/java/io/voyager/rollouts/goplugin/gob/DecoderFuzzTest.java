package io.voyager.rollouts.goplugin.gob;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of real streams: the decoder may only answer with a value, {@link GobException} or
 * {@link EOFException}. A hang shows up as an input that takes far longer than all others.
 */
class DecoderFuzzTest {

    private static final long SEED = 0x5eed_90b_c0deL;
    private static final int ITERATIONS = 20_000;
    /** Hang guard: a normal input decodes in well under a millisecond. */
    private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;
    /** Small limits so that a forged length cannot make a single input expensive. */
    private static final GobLimits LIMITS = new GobLimits(1 << 20, 1024, 64, 100_000);

    @Test
    void mutatedStreamsFailOnlyWithGobErrors() {
        List<byte[]> seeds = Arrays.stream(Golden.FILES).map(Golden::bytes).toList();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long start = System.nanoTime();
            try {
                decodeAll(input);
            } catch (GobException | EOFException expected) {
                // the only acceptable failures
            } catch (Throwable t) {
                fail("seed %d iteration %d: %s on input %s", SEED, i, t, Bytes.hex(input), t);
            }
            long nanos = System.nanoTime() - start;
            if (nanos > MAX_NANOS_PER_INPUT) {
                fail(
                        "seed %d iteration %d: one input of %d bytes took %d ms",
                        SEED, i, input.length, nanos / 1_000_000);
            }
        }
    }

    @Test
    void randomBytesFailOnlyWithGobErrors() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < ITERATIONS / 4; i++) {
            byte[] input = new byte[random.nextInt(1, 200)];
            random.nextBytes(input);
            try {
                decodeAll(input);
            } catch (GobException | EOFException expected) {
                // the only acceptable failures
            } catch (Throwable t) {
                fail("seed %d iteration %d: %s on input %s", SEED + 1, i, t, Bytes.hex(input), t);
            }
        }
    }

    private static void decodeAll(byte[] input) throws Exception {
        GobDecoder decoder = new GobDecoder(LIMITS);
        InputStream in = new ByteArrayInputStream(input);
        // every value consumes at least one byte, so this loop ends
        for (int values = 0; values <= input.length; values++) {
            decoder.decode(in);
        }
        throw new AssertionError("more values than bytes");
    }

    /** One to four edits: bit flips, random bytes, big length prefixes, cuts, deletions, duplications. */
    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int edits = random.nextInt(1, 5);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b[at] = (byte) (0xf8 + random.nextInt(8));
                case 3 -> b = Arrays.copyOf(b, at);
                case 4 -> {
                    int end = Math.min(b.length, at + random.nextInt(1, 16));
                    byte[] shorter = new byte[b.length - (end - at)];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, end, shorter, at, b.length - end);
                    b = shorter;
                }
                case 5 -> {
                    int end = Math.min(b.length, at + random.nextInt(1, 64));
                    byte[] longer = new byte[b.length + (end - at)];
                    System.arraycopy(b, 0, longer, 0, end);
                    System.arraycopy(b, at, longer, end, b.length - at);
                    b = longer;
                }
                default -> b[at] = (byte) (random.nextBoolean() ? 0x00 : 0x7f);
            }
        }
        return b;
    }
}
