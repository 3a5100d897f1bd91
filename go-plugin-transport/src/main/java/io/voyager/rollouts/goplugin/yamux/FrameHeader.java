package io.voyager.rollouts.goplugin.yamux;

import java.nio.ByteBuffer;

/**
 * A 12-byte yamux header. {@code length} means the payload size for data frames, the window delta for
 * window updates, the opaque value for pings and the error code for go-away frames.
 */
public record FrameHeader(FrameType type, int flags, int streamId, long length) {

    public static FrameHeader windowUpdate(int streamId, int flags, long delta) {
        return new FrameHeader(FrameType.WINDOW_UPDATE, flags, streamId, delta);
    }

    public static FrameHeader data(int streamId, int flags, int length) {
        return new FrameHeader(FrameType.DATA, flags, streamId, length);
    }

    public static FrameHeader ping(int flags, long opaque) {
        return new FrameHeader(FrameType.PING, flags, 0, opaque);
    }

    public static FrameHeader goAway(int code) {
        return new FrameHeader(FrameType.GO_AWAY, Flags.NONE, 0, code);
    }

    public boolean has(int flag) {
        return Flags.has(flags, flag);
    }

    /** Writes the header in network byte order. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) YamuxLimits.VERSION);
        out.put((byte) type.code());
        out.putShort((short) flags);
        out.putInt(streamId);
        out.putInt((int) length);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(YamuxLimits.HEADER_SIZE);
        writeTo(buffer);
        return buffer.array();
    }
}
