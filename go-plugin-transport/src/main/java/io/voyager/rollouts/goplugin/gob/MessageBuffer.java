package io.voyager.rollouts.goplugin.gob;

import java.nio.charset.StandardCharsets;

/** The bytes of one gob message and a read position, with gob's primitive decodings. */
final class MessageBuffer {

    private final byte[] data;
    private final int limit;
    private final long streamOffset;
    private int pos;

    MessageBuffer(byte[] data, int limit, long streamOffset) {
        this.data = data;
        this.limit = limit;
        this.streamOffset = streamOffset;
    }

    static MessageBuffer empty(long streamOffset) {
        return new MessageBuffer(new byte[0], 0, streamOffset);
    }

    int remaining() {
        return limit - pos;
    }

    /** Stream offset of the next unread byte. */
    long offset() {
        return streamOffset + pos;
    }

    GobException error(String message) {
        return new GobException("gob: " + message, offset());
    }

    int readByte() {
        if (pos >= limit) {
            throw error("unexpected end of message");
        }
        return data[pos++] & 0xff;
    }

    /** Gob unsigned integer: one byte below 128, else a negated byte count and big-endian bytes. */
    long readUint() {
        int first = readByte();
        if (first < 0x80) {
            return first;
        }
        int n = 256 - first;
        if (n > 8) {
            throw error("encoded unsigned integer out of range");
        }
        if (n > remaining()) {
            throw error("unexpected end of message in integer");
        }
        long u = 0;
        for (int i = 0; i < n; i++) {
            u = (u << 8) | (data[pos++] & 0xff);
        }
        return u;
    }

    long readInt() {
        long u = readUint();
        return (u & 1) != 0 ? ~(u >>> 1) : u >>> 1;
    }

    double readFloat() {
        return Double.longBitsToDouble(Long.reverseBytes(readUint()));
    }

    /** A length that must fit in what is left of this message. */
    int readLength(String what) {
        long n = readUint();
        if (n < 0 || n > remaining()) {
            throw error(what + " length " + Long.toUnsignedString(n) + " exceeds input size");
        }
        return (int) n;
    }

    byte[] readBytes(int n) {
        if (n > remaining()) {
            throw error("unexpected end of message");
        }
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    String readString(int n) {
        if (n > remaining()) {
            throw error("unexpected end of message");
        }
        String s = new String(data, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }
}
