package io.voyager.rollouts.goplugin.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The opening of a go-plugin session: SYN on stream 1, a data frame on it, a keepalive ping. */
    private static byte[] sessionOpening() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(HEX.parseHex("000100010000000100000000"));
        bytes.writeBytes(HEX.parseHex("00000000000000010000000401000000"));
        bytes.writeBytes(HEX.parseHex("000200010000000000000007"));
        bytes.writeBytes(HEX.parseHex("000300000000000000000000"));
        return bytes.toByteArray();
    }

    private static List<Frame> decode(byte[] bytes, int... splits) {
        FrameDecoder decoder = new FrameDecoder();
        List<Frame> frames = new ArrayList<>();
        int from = 0;
        for (int split : splits) {
            decoder.feed(ByteBuffer.wrap(bytes, from, split - from), frames::add);
            from = split;
        }
        decoder.feed(ByteBuffer.wrap(bytes, from, bytes.length - from), frames::add);
        return frames;
    }

    @Test
    void decodesGoPluginSessionOpening() {
        List<Frame> frames = decode(sessionOpening());

        assertThat(frames)
                .extracting(Frame::header)
                .containsExactly(
                        FrameHeader.windowUpdate(1, Flags.SYN, 0),
                        FrameHeader.data(1, Flags.NONE, 4),
                        FrameHeader.ping(Flags.SYN, 7),
                        FrameHeader.goAway(GoAwayCode.NORMAL));
        assertThat(frames.get(1).payload()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void decodesFrameSplitAtEveryByteBoundary() {
        byte[] bytes = sessionOpening();
        List<Frame> whole = decode(bytes);
        for (int split = 1; split < bytes.length; split++) {
            List<Frame> parts = decode(bytes, split);
            assertThat(parts).as("split at byte %d", split).hasSameSizeAs(whole);
            for (int i = 0; i < whole.size(); i++) {
                assertThat(parts.get(i).header())
                        .as("split at byte %d", split)
                        .isEqualTo(whole.get(i).header());
                assertThat(parts.get(i).payload())
                        .as("split at byte %d", split)
                        .isEqualTo(whole.get(i).payload());
            }
        }
    }

    @Test
    void decodesOneByteAtATime() {
        byte[] bytes = sessionOpening();
        int[] every = new int[bytes.length - 1];
        for (int i = 0; i < every.length; i++) {
            every[i] = i + 1;
        }
        assertThat(decode(bytes, every))
                .extracting(Frame::header)
                .containsExactlyElementsOf(
                        decode(bytes).stream().map(Frame::header).toList());
    }

    @Test
    void headersRoundTripToTheSameBytes() {
        byte[] bytes = HEX.parseHex("000100020000000700040000");
        FrameHeader header = decode(bytes).get(0).header();

        assertThat(header).isEqualTo(FrameHeader.windowUpdate(7, Flags.ACK, 262144));
        assertThat(header.toBytes()).isEqualTo(bytes);
    }

    @Test
    void rejectsAnUnknownVersionWithItsOffset() {
        byte[] bytes = HEX.parseHex("000100010000000100000000" + "010000000000000000000000");

        assertThatThrownBy(() -> decode(bytes))
                .isInstanceOf(YamuxException.class)
                .hasMessageContaining("invalid protocol version 1")
                .satisfies(e -> assertThat(((YamuxException) e).offset()).isEqualTo(12));
    }

    @Test
    void rejectsAnUnknownFrameType() {
        assertThatThrownBy(() -> decode(HEX.parseHex("000400000000000000000000")))
                .isInstanceOf(YamuxException.class)
                .hasMessageContaining("invalid frame type 4");
    }

    @Test
    void rejectsADataFrameLargerThanTheWindowBeforeBufferingIt() {
        assertThatThrownBy(() -> decode(HEX.parseHex("0000000000000001ffffffff")))
                .isInstanceOf(YamuxException.class)
                .hasMessageContaining("exceeds the stream window");
    }

    @Test
    void knowsWhenItStopsBetweenFrames() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] bytes = HEX.parseHex("00000000000000010000000401000000");
        decoder.feed(ByteBuffer.wrap(bytes, 0, 14), f -> {});
        assertThat(decoder.atFrameBoundary()).isFalse();
        decoder.feed(ByteBuffer.wrap(bytes, 14, 2), f -> {});
        assertThat(decoder.atFrameBoundary()).isTrue();
    }
}
