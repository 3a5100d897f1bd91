package io.voyager.rollouts.goplugin.gob;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads length-prefixed gob messages from a stream. Memory grows only as bytes actually arrive, so a forged
 * length costs nothing until the data is there.
 */
final class MessageReader {

    private static final int FIRST_CHUNK = 8 * 1024;

    private final int maxMessageBytes;
    private long offset;

    MessageReader(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Bytes consumed from the stream so far. */
    long offset() {
        return offset;
    }

    /**
     * The next message.
     *
     * @throws EOFException if the stream ends exactly before a message
     * @throws GobException if it ends inside one, or the length is over the limit
     */
    MessageBuffer next(InputStream in) throws IOException {
        long start = offset;
        long length = readCount(in);
        if (length > maxMessageBytes) {
            throw new GobException(
                    "gob: message of " + Long.toUnsignedString(length) + " bytes exceeds the limit of "
                            + maxMessageBytes,
                    start);
        }
        int n = (int) length;
        byte[] data = new byte[Math.min(n, FIRST_CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == data.length) {
                byte[] bigger = new byte[(int) Math.min(n, 2L * data.length)];
                System.arraycopy(data, 0, bigger, 0, filled);
                data = bigger;
            }
            int r = in.read(data, filled, data.length - filled);
            if (r < 0) {
                throw new GobException("gob: unexpected EOF inside a message of " + n + " bytes", offset + filled);
            }
            filled += r;
        }
        MessageBuffer message = new MessageBuffer(data, n, offset);
        offset += n;
        return message;
    }

    private long readCount(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("end of gob stream");
        }
        offset++;
        if (first < 0x80) {
            return first;
        }
        int n = 256 - first;
        if (n > 8) {
            throw new GobException("gob: message length out of range", offset - 1);
        }
        long u = 0;
        for (int i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) {
                throw new GobException("gob: unexpected EOF in message length", offset);
            }
            offset++;
            u = (u << 8) | b;
        }
        if (u < 0) {
            throw new GobException("gob: message length out of range", offset);
        }
        return u;
    }
}
