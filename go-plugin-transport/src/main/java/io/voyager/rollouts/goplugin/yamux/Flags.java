package io.voyager.rollouts.goplugin.yamux;

/** Bits of the yamux header's flags field. */
public final class Flags {
    public static final int NONE = 0;
    /** Opens a stream, or asks for a ping answer. */
    public static final int SYN = 0x1;
    /** Accepts a stream, or answers a ping. */
    public static final int ACK = 0x2;
    /** Half-closes a stream. */
    public static final int FIN = 0x4;
    /** Resets a stream. */
    public static final int RST = 0x8;

    private Flags() {}

    public static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }
}
