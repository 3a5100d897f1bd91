package io.voyager.rollouts.goplugin.gob;

import java.util.Arrays;

/** A growable byte buffer with gob's primitive encodings. */
final class EncBuffer {

    private byte[] data = new byte[64];
    private int size;

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    void write(int b) {
        ensure(1);
        data[size++] = (byte) b;
    }

    void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
    }

    void write(EncBuffer other) {
        ensure(other.size);
        System.arraycopy(other.data, 0, data, size, other.size);
        size += other.size;
    }

    void writeUint(long u) {
        if (u >= 0 && u < 0x80) {
            write((int) u);
            return;
        }
        int n = 8 - Long.numberOfLeadingZeros(u) / 8;
        write(256 - n);
        for (int i = n - 1; i >= 0; i--) {
            write((int) (u >>> (8 * i)));
        }
    }

    void writeInt(long i) {
        writeUint(i < 0 ? (~i << 1) | 1 : i << 1);
    }

    void writeFloat(double d) {
        writeUint(Long.reverseBytes(Double.doubleToLongBits(d)));
    }

    /** A message: the byte count of {@code body}, then body. */
    void writeMessage(EncBuffer body) {
        writeUint(body.size);
        write(body);
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
        }
    }
}
