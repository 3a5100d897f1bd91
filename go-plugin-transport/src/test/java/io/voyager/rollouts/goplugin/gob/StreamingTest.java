package io.voyager.rollouts.goplugin.gob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder reads from live streams: any split of the bytes gives the same values, and it never over-reads. */
class StreamingTest {

    @Test
    void decodesStreamsDeliveredOneByteAtATime() throws IOException {
        for (String name : Golden.FILES) {
            byte[] bytes = Golden.bytes(name);
            List<Object> expected = plainValues(new ByteArrayInputStream(bytes), bytes.length);

            assertThat(plainValues(new OneByteAtATime(bytes), bytes.length))
                    .as(name)
                    .isEqualTo(expected);
        }
    }

    @Test
    void decodesFrameSplitAtEveryByte() throws IOException {
        for (String name : List.of("measurement.gob", "plugin-stream-replies.gob", "all-kinds.gob", "rpc-error.gob")) {
            byte[] bytes = Golden.bytes(name);
            List<Object> expected = plainValues(new ByteArrayInputStream(bytes), bytes.length);
            for (int split = 0; split <= bytes.length; split++) {
                InputStream in = new SequenceInputStream(
                        new ByteArrayInputStream(Arrays.copyOfRange(bytes, 0, split)),
                        new ByteArrayInputStream(Arrays.copyOfRange(bytes, split, bytes.length)));

                assertThat(plainValues(in, bytes.length))
                        .as("%s split at %d", name, split)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void decoderNeverReadsPastTheValueItReturns() throws IOException {
        byte[] requests = Golden.bytes("plugin-stream-requests.gob");
        GobDecoder decoder = new GobDecoder();
        // Header and body of the first two calls; reading one byte more would block on a live connection.
        InputStream available =
                new EndsWithFailure(Arrays.copyOfRange(requests, 0, Golden.lengthOfValues(requests, 4)));

        for (int i = 0; i < 4; i++) {
            decoder.decode(available);
        }
        assertThat(decoder.offset()).isEqualTo(Golden.lengthOfValues(requests, 4));
    }

    @Test
    void hasMoreLooksAheadWithoutConsuming() throws IOException {
        byte[] bytes = Golden.bytes("rpc-error.gob");
        GobDecoder decoder = new GobDecoder();
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));

        assertThat(decoder.hasMore(in)).isTrue();
        decoder.decode(in);
        assertThat(decoder.hasMore(in)).isTrue();
        decoder.decode(in);
        assertThat(decoder.hasMore(in)).isFalse();
    }

    private static List<Object> plainValues(InputStream in, int length) throws IOException {
        GobDecoder decoder = new GobDecoder();
        List<Object> values = new ArrayList<>();
        while (decoder.offset() < length) {
            values.add(Plain.of(decoder.decode(in).value()));
        }
        return values;
    }

    /** Returns one byte per read call. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] data;
        private int pos;

        OneByteAtATime(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    /** Serves the bytes, then fails any further read, as a blocked connection would hang. */
    private static final class EndsWithFailure extends InputStream {
        private final ByteArrayInputStream data;

        EndsWithFailure(byte[] bytes) {
            this.data = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            if (data.available() == 0) {
                throw new AssertionError("read past the available bytes");
            }
            return data.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (data.available() == 0) {
                throw new AssertionError("read past the available bytes");
            }
            return data.read(b, off, len);
        }
    }
}
