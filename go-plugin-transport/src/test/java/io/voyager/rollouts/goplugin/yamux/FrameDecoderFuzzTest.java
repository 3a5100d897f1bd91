package io.voyager.rollouts.goplugin.yamux;

import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random and mutated input: the decoder either yields frames or throws YamuxException. */
class FrameDecoderFuzzTest {
    private static final long SEED = 0x5eed_3a4bL;
    private static final int ITERATIONS = 20_000;
    private static final byte[] VALID = HexFormat.of()
            .parseHex("000100010000000100000000" + "00000000000000010000000401000000" + "000200010000000000000007");

    @Test
    void randomAndMutatedFramesOnlyEverRaiseYamuxException() {
        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = i % 2 == 0 ? mutate(random) : randomBytes(random);
            try {
                FrameDecoder decoder = new FrameDecoder();
                int pos = 0;
                while (pos < input.length) {
                    int chunk = 1 + random.nextInt(input.length - pos);
                    decoder.feed(ByteBuffer.wrap(input, pos, chunk), frame -> {});
                    pos += chunk;
                }
            } catch (YamuxException expected) {
                // the declared failure
            } catch (RuntimeException | Error e) {
                fail("seed " + SEED + " iteration " + i + ": " + e, e);
            }
        }
    }

    private static byte[] mutate(Random random) {
        byte[] copy = VALID.clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        int length = random.nextInt(copy.length + 1);
        byte[] truncated = new byte[length];
        System.arraycopy(copy, 0, truncated, 0, length);
        return truncated;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }
}
