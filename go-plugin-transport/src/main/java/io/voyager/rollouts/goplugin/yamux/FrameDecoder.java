package io.voyager.rollouts.goplugin.yamux;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Turns an inbound byte stream into frames, whatever the chunking: an explicit state machine that
 * keeps partial headers and payloads between calls.
 */
public final class FrameDecoder {

    private enum State {
        HEADER,
        PAYLOAD
    }

    private final ByteBuffer header = ByteBuffer.allocate(YamuxLimits.HEADER_SIZE);
    private State state = State.HEADER;
    private FrameHeader current;
    private byte[] payload;
    private int payloadFilled;
    private long offset;

    /** Consumes all of {@code in}, handing every completed frame to {@code frames}. */
    public void feed(ByteBuffer in, Consumer<Frame> frames) {
        while (in.hasRemaining()) {
            switch (state) {
                case HEADER -> readHeader(in, frames);
                case PAYLOAD -> readPayload(in, frames);
            }
        }
    }

    /** Bytes consumed so far. */
    public long offset() {
        return offset;
    }

    /** True when no frame is partly read, i.e. the stream may end here cleanly. */
    public boolean atFrameBoundary() {
        return state == State.HEADER && header.position() == 0;
    }

    private void readHeader(ByteBuffer in, Consumer<Frame> frames) {
        int n = Math.min(in.remaining(), header.remaining());
        for (int i = 0; i < n; i++) {
            header.put(in.get());
        }
        offset += n;
        if (header.hasRemaining()) {
            return;
        }
        header.flip();
        long start = offset - YamuxLimits.HEADER_SIZE;
        int version = header.get() & 0xff;
        if (version != YamuxLimits.VERSION) {
            throw new YamuxException("invalid protocol version " + version, start);
        }
        FrameType type = FrameType.of(header.get() & 0xff, start + 1);
        int flags = header.getShort() & 0xffff;
        int streamId = header.getInt();
        long length = header.getInt() & 0xffffffffL;
        header.clear();
        current = new FrameHeader(type, flags, streamId, length);
        if (type != FrameType.DATA || length == 0) {
            frames.accept(Frame.of(current));
            return;
        }
        if (length > YamuxLimits.MAX_DATA_PAYLOAD) {
            throw new YamuxException("data frame of " + length + " bytes exceeds the stream window", start + 8);
        }
        payload = new byte[(int) length];
        payloadFilled = 0;
        state = State.PAYLOAD;
    }

    private void readPayload(ByteBuffer in, Consumer<Frame> frames) {
        int n = Math.min(in.remaining(), payload.length - payloadFilled);
        in.get(payload, payloadFilled, n);
        payloadFilled += n;
        offset += n;
        if (payloadFilled == payload.length) {
            state = State.HEADER;
            Frame frame = new Frame(current, payload);
            payload = null;
            frames.accept(frame);
        }
    }
}
