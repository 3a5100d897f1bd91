package io.voyager.rollouts.goplugin.yamux;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the yamux frame reader: any byte stream, in any chunking, yields frames or
 * ends in {@link YamuxException}; never another exception, a hang or an out-of-memory. The last input
 * byte picks the chunk size, the rest is the stream. Seeds: frames a go-plugin host sends
 * (YamuxFrameFuzzTestInputs/). Plain {@code mvn test} replays the seeds; the fuzz execution mutates.
 */
class YamuxFrameFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void framesDecodeOrFailWithYamuxException(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 64);
        byte[] input = data.consumeRemainingAsBytes();
        FrameDecoder decoder = new FrameDecoder();
        try {
            for (int pos = 0; pos < input.length; pos += chunk) {
                decoder.feed(ByteBuffer.wrap(input, pos, Math.min(chunk, input.length - pos)), frame -> {});
            }
        } catch (YamuxException expected) {
            // the declared failure
        }
    }
}
