package io.voyager.rollouts.goplugin.yamux;

/** A header and, for data frames only, its payload (empty otherwise). */
public record Frame(FrameHeader header, byte[] payload) {
    static final byte[] NO_PAYLOAD = new byte[0];

    public static Frame of(FrameHeader header) {
        return new Frame(header, NO_PAYLOAD);
    }
}
