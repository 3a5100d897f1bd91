package io.voyager.rollouts.goplugin.gob;

/**
 * Malformed, truncated or over-limit gob data, or a value that does not fit the type it is encoded as.
 *
 * <p>{@link #offset()} is the position in the stream (bytes consumed by the decoder since it was created)
 * at which the problem was detected, or -1 when encoding.
 */
public final class GobException extends RuntimeException {

    private final long offset;

    public GobException(String message, long offset) {
        super(offset >= 0 ? message + " (at stream offset " + offset + ")" : message);
        this.offset = offset;
    }

    public GobException(String message) {
        this(message, -1);
    }

    /** Stream offset where decoding failed, or -1 if not applicable. */
    public long offset() {
        return offset;
    }
}
