package io.voyager.rollouts.goplugin.gob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Corrupt, truncated and oversized input ends in GobException (or EOF), never a hang or another failure. */
class HostileInputTest {

    @Test
    void everyTruncationOfAStreamIsAnErrorOrCleanEndOfFile() {
        byte[] bytes = Golden.bytes("measurement.gob");
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);

            assertThatThrownBy(() -> decodeAll(cut))
                    .as("cut at %d", length)
                    .isInstanceOfAny(GobException.class, EOFException.class);
        }
    }

    @Test
    void truncationInsideAMessageReportsItsOffset() {
        byte[] cut = Arrays.copyOf(Golden.bytes("rpc-error.gob"), 20);

        assertThatThrownBy(() -> new GobDecoder().decode(new ByteArrayInputStream(cut)))
                .isInstanceOfSatisfying(
                        GobException.class, e -> assertThat(e.offset()).isEqualTo(20));
    }

    @Test
    void hugeMessageLengthIsRejectedBeforeReading() {
        byte[] huge = Bytes.of("f8 7f ff ff ff ff ff ff ff 00");

        assertThatThrownBy(() -> decodeAll(huge))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void claimedLengthWithoutDataFailsWithoutReservingIt() {
        // 16 MiB announced, 3 bytes sent: the reader must not allocate the announced size up front.
        byte[] lying = Bytes.of("fd ff ff ff 0c 00 01");

        assertThatThrownBy(() -> decodeAll(lying))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("EOF");
    }

    @Test
    void hugeCollectionCountIsRejected() {
        // define 65 = []string, then a value claiming 2^40 elements
        byte[] slice = Bytes.of("0c ff 81 02 01 02 ff 82 00 01 0c 00 00  09 ff 82 00 fb 01 00 00 00 00 00");

        assertThatThrownBy(() -> decodeAll(slice))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void collectionCountBeyondTheDataFailsOnTheMissingData() {
        byte[] slice = Bytes.of("0c ff 81 02 01 02 ff 82 00 01 0c 00 00  07 ff 82 00 fd 0f 42 40");

        assertThatThrownBy(() -> decodeAll(slice)).isInstanceOf(GobException.class);
    }

    @Test
    void deeplyNestedStructsHitTheDepthLimit() {
        // 65 = struct { F 65 }, then a value nested 100 000 levels deep at one byte per level
        byte[] definition = message(Bytes.of("ff 81 03 01 01 01 41 01 ff 82 00 01 01 01 01 \"F\" 01 ff 82 00 00 00"));
        byte[] levels = new byte[100_000];
        Arrays.fill(levels, (byte) 1);
        byte[] stream = concat(definition, message(concat(Bytes.of("ff 82"), levels)));

        assertThatThrownBy(() -> decodeAll(stream))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void deeplyNestedInterfacesHitTheDepthLimit() {
        // an interface holding an interface holding ...: name "x", concrete id 8, length, singleton 00
        StringBuilder body = new StringBuilder("10 00");
        for (int i = 0; i < 500; i++) {
            body.append(" 01 78 10 00 00");
        }
        byte[] stream = message(Bytes.of(body.toString()));

        assertThatThrownBy(() -> decodeAll(stream))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void typeCountIsLimitedPerStream() {
        GobDecoder strict = new GobDecoder(new GobLimits(1 << 20, 50, 100, 1000));
        InputStream requests = new ByteArrayInputStream(Golden.bytes("plugin-stream-requests.gob"));

        assertThatThrownBy(() -> {
                    while (true) {
                        strict.decode(requests);
                    }
                })
                .isInstanceOf(GobException.class)
                .hasMessageContaining("more than 50 type definitions");
    }

    @Test
    void messageSizeIsLimited() {
        GobDecoder strict = new GobDecoder(new GobLimits(100, 4096, 100, 1000));
        InputStream measurement = new ByteArrayInputStream(Golden.bytes("measurement.gob"));

        assertThatThrownBy(() -> strict.decode(measurement))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("exceeds the limit of 100");
    }

    @Test
    void deeplyNestedTypeDefinitionsHitTheDepthLimit() {
        // 65 = []66, 66 = []67, ... 300 levels, then an empty value of 65
        byte[] stream = new byte[0];
        for (int id = 65; id < 365; id++) {
            stream = concat(
                    stream,
                    message(concat(
                            gobInt(-id),
                            Bytes.of("02 01 02"),
                            gobInt(id),
                            Bytes.of("00 01"),
                            gobInt(id + 1),
                            Bytes.of("00 00"))));
        }
        stream = concat(stream, message(Bytes.of("ff 82 00 00")));
        byte[] all = stream;

        assertThatThrownBy(() -> decodeAll(all))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void malformedDefinitionsAreRejected() {
        assertRejected(
                "duplicate type", "0c ff 81 02 01 02 ff 82 00 01 0c 00 00  0c ff 81 02 01 02 ff 82 00 01 0c 00 00");
        assertRejected("invalid id", "06 7d 02 02 0c 00 00");
        assertRejected("more than one kind", "0b ff 81 02 02 0c 00 02 02 0c 00 00");
        assertRejected("empty type definition", "03 ff 81 00");
        assertRejected("field number out of range", "04 ff 81 09 00");
        assertRejected("extra data", "0d ff 81 02 01 02 ff 82 00 01 0c 00 00 55");
    }

    @Test
    void malformedValuesAreRejected() {
        assertRejected("unknown type id", "03 ff 90 00");
        assertRejected("non-zero delta", "04 0c 01 01 78");
        assertRejected("exceeds input size", "04 0c 00 09 78");
        assertRejected("exceeds input size", "05 10 00 09 52 75");
        assertRejected("empty message", "00");
        assertRejected("out of range", "02 f7 00");
        assertRejected(
                "field number out of range",
                "26 ff 85 03 01 01 08 \"RpcError\" 01 ff 86 00 01 01 01 0b \"ErrorString\" 01 0c 00 00 00  05 ff 86 02 01 00");
        assertRejected("length mismatch", "0e ff 81 01 01 02 ff 82 00 01 04 01 04 00 00 05 ff 82 00 01 00");
    }

    private static void assertRejected(String reason, String notation) {
        byte[] bytes = Bytes.of(notation);
        assertThatThrownBy(() -> decodeAll(bytes))
                .as(notation)
                .isInstanceOf(GobException.class)
                .hasMessageContaining(reason);
    }

    private static void decodeAll(byte[] bytes) throws IOException {
        GobDecoder decoder = new GobDecoder();
        InputStream in = new ByteArrayInputStream(bytes);
        while (true) {
            decoder.decode(in);
        }
    }

    /** A gob message: the byte count, then the bytes. */
    private static byte[] message(byte[] body) {
        EncBuffer b = new EncBuffer();
        b.writeUint(body.length);
        return concat(b.toByteArray(), body);
    }

    private static byte[] gobInt(long i) {
        EncBuffer b = new EncBuffer();
        b.writeInt(i);
        return b.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
