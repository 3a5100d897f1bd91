package io.voyager.rollouts.goplugin.yamux;

/** A yamux protocol violation; {@code offset} is the position in the inbound byte stream where it was found. */
public final class YamuxException extends RuntimeException {
    private final long offset;

    public YamuxException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
