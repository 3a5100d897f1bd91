package io.voyager.rollouts.goplugin.netrpc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Coverage-guided fuzzing of the net/rpc request reader as the server runs it: header, body, header, ...
 * Any byte stream ends in {@link IOException} (EOF included) or {@link GobException}; never another
 * exception, a hang or an out-of-memory. Seeds: the host-to-plugin streams Go's net/rpc client wrote
 * (RequestHeaderFuzzTestInputs/). Plain {@code mvn test} replays the seeds; the fuzz execution mutates.
 */
class RequestHeaderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void requestStreamsReadOrFailWithDeclaredErrors(FuzzedDataProvider data) {
        byte[] input = data.consumeRemainingAsBytes();
        GobDecoder decoder = new GobDecoder();
        InputStream in = new ByteArrayInputStream(input);
        try {
            // header and body each consume at least one byte, so this loop ends
            for (int requests = 0; requests <= input.length; requests++) {
                RequestHeader.read(decoder, in);
                decoder.decodeValue(in);
            }
            throw new AssertionError("more requests than bytes");
        } catch (IOException | GobException expected) {
            // the declared failures
        }
    }
}
