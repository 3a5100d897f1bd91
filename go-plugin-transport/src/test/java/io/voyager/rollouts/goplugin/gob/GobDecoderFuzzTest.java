package io.voyager.rollouts.goplugin.gob;

import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Coverage-guided fuzzing of the gob decoder with the limits the plugin runs with: any byte stream ends in
 * values, {@link GobException} or {@link EOFException}; never another exception, a hang or an out-of-memory.
 * The seed corpus is the golden streams written by Go (GobDecoderFuzzTestInputs/). Under plain
 * {@code mvn test} only the seeds run; the build's fuzz execution sets JAZZER_FUZZ=1 and mutates for a
 * bounded time; an input that runs past the per-input timeout is a hang, reported as a finding with the input.
 */
class GobDecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodesOrFailsWithDeclaredErrors(FuzzedDataProvider data) throws IOException {
        byte[] input = data.consumeRemainingAsBytes();
        GobDecoder decoder = new GobDecoder(GobLimits.DEFAULT);
        InputStream in = new ByteArrayInputStream(input);
        try {
            // every value consumes at least one byte, so this loop ends
            for (int values = 0; values <= input.length; values++) {
                decoder.decode(in);
            }
            fail("more values than bytes in %s", Bytes.hex(input));
        } catch (GobException | EOFException expected) {
            // the declared failures
        }
    }
}
