package io.voyager.rollouts.goplugin.yamux;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * One yamux stream: an ordered byte stream in each direction with its own flow-control windows.
 * The session's reader thread delivers frames; any other thread reads and writes.
 */
public final class YamuxStream implements Closeable {

    /** Lifecycle of a stream, driven by the SYN, ACK, FIN and RST flags sent and received. */
    enum State {
        /** We sent SYN; data may flow before the peer's ACK. */
        SYN_SENT,
        /** SYN received and acknowledged, or our SYN acknowledged. */
        OPEN,
        /** We sent FIN: we write no more, the peer may. */
        LOCAL_CLOSED,
        /** The peer sent FIN: buffered data is read, then end of stream. */
        REMOTE_CLOSED,
        /** Both FINs, or the session ended: buffered data is read, then end of stream. */
        CLOSED,
        /** RST sent or received: reads and writes fail. */
        RESET;

        boolean peerMayWrite() {
            return this == SYN_SENT || this == OPEN || this == LOCAL_CLOSED;
        }

        boolean weMayWrite() {
            return this == SYN_SENT || this == OPEN || this == REMOTE_CLOSED;
        }
    }

    private final int id;
    private final int acceptIndex;
    private final YamuxSession session;
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> received = new ArrayDeque<>();
    private int headOffset;
    private long receiveWindow = YamuxLimits.INITIAL_STREAM_WINDOW;
    private long consumedSinceUpdate;
    private long sendWindow = YamuxLimits.INITIAL_STREAM_WINDOW;
    private State state;

    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    YamuxStream(int id, int acceptIndex, YamuxSession session) {
        this.id = id;
        this.acceptIndex = acceptIndex;
        this.state = acceptIndex < 0 ? State.SYN_SENT : State.OPEN;
        this.session = session;
    }

    public int id() {
        return id;
    }

    /** 0 for the first stream the peer opened, 1 for the next, ...; -1 for streams opened locally. */
    public int acceptIndex() {
        return acceptIndex;
    }

    public InputStream input() {
        return input;
    }

    public OutputStream output() {
        return output;
    }

    /** Half-closes our direction (FIN); reading stays possible until the peer closes too. */
    @Override
    public void close() {
        boolean sendFin;
        boolean done;
        synchronized (lock) {
            sendFin = state.weMayWrite();
            if (state == State.SYN_SENT || state == State.OPEN) {
                state = State.LOCAL_CLOSED;
            } else if (state == State.REMOTE_CLOSED) {
                state = State.CLOSED;
            }
            done = state == State.CLOSED || state == State.RESET;
            lock.notifyAll();
        }
        if (sendFin) {
            session.sendQuietly(FrameHeader.windowUpdate(id, Flags.FIN, 0));
        }
        if (done) {
            session.forget(this);
        }
    }

    /** Aborts the stream in both directions (RST). */
    public void reset() {
        boolean send;
        synchronized (lock) {
            send = state != State.RESET && state != State.CLOSED;
            state = State.RESET;
            lock.notifyAll();
        }
        if (send) {
            session.sendQuietly(FrameHeader.windowUpdate(id, Flags.RST, 0));
        }
        session.forget(this);
    }

    /** Called by the session's reader for every frame of this stream. */
    void onFrame(FrameHeader header, byte[] payload, long offset) {
        boolean done;
        synchronized (lock) {
            if (header.has(Flags.ACK) && state == State.SYN_SENT) {
                state = State.OPEN;
            }
            if (header.type() == FrameType.WINDOW_UPDATE) {
                sendWindow += header.length();
            }
            if (payload.length > 0) {
                if (payload.length > receiveWindow) {
                    throw new YamuxException("receive window exceeded on stream " + id, offset);
                }
                receiveWindow -= payload.length;
                if (state.peerMayWrite()) {
                    received.add(payload);
                }
            }
            if (header.has(Flags.FIN)) {
                if (state == State.SYN_SENT || state == State.OPEN) {
                    state = State.REMOTE_CLOSED;
                } else if (state == State.LOCAL_CLOSED) {
                    state = State.CLOSED;
                }
            }
            if (header.has(Flags.RST)) {
                state = State.RESET;
            }
            done = state == State.CLOSED || state == State.RESET;
            lock.notifyAll();
        }
        if (done) {
            session.forget(this);
        }
    }

    void onSessionClosed() {
        synchronized (lock) {
            if (state != State.RESET) {
                state = State.CLOSED;
            }
            lock.notifyAll();
        }
    }

    State state() {
        synchronized (lock) {
            return state;
        }
    }

    private int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        long grant = 0;
        synchronized (lock) {
            while (received.isEmpty() && state.peerMayWrite()) {
                awaitQuietly();
            }
            if (state == State.RESET) {
                throw new IOException("stream " + id + " was reset");
            }
            if (received.isEmpty()) {
                return -1;
            }
            n = drain(b, off, len);
            consumedSinceUpdate += n;
            if (consumedSinceUpdate >= YamuxLimits.WINDOW_UPDATE_THRESHOLD && state.peerMayWrite()) {
                grant = consumedSinceUpdate;
                consumedSinceUpdate = 0;
                receiveWindow += grant;
            }
        }
        if (grant > 0) {
            session.sendQuietly(FrameHeader.windowUpdate(id, Flags.NONE, grant));
        }
        return n;
    }

    private int drain(byte[] b, int off, int len) {
        int n = 0;
        while (n < len && !received.isEmpty()) {
            byte[] head = received.peek();
            int take = Math.min(len - n, head.length - headOffset);
            System.arraycopy(head, headOffset, b, off + n, take);
            n += take;
            headOffset += take;
            if (headOffset == head.length) {
                received.poll();
                headOffset = 0;
            }
        }
        return n;
    }

    private void write(byte[] b, int off, int len) throws IOException {
        int written = 0;
        while (written < len) {
            int chunk;
            synchronized (lock) {
                long deadline = System.nanoTime() + YamuxLimits.SEND_WINDOW_TIMEOUT.toNanos();
                while (sendWindow == 0 && state.weMayWrite()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IOException("peer kept the window of stream " + id + " closed for "
                                + YamuxLimits.SEND_WINDOW_TIMEOUT);
                    }
                    awaitQuietly(left);
                }
                if (!state.weMayWrite()) {
                    throw new IOException("stream " + id + " is " + state);
                }
                chunk = (int) Math.min(len - written, sendWindow);
                sendWindow -= chunk;
            }
            session.sendData(id, b, off + written, chunk);
            written += chunk;
        }
    }

    private void awaitQuietly() throws InterruptedIOException {
        awaitQuietly(0);
    }

    private void awaitQuietly(long nanos) throws InterruptedIOException {
        try {
            if (nanos == 0) {
                lock.wait();
            } else {
                lock.wait(Math.max(1, nanos / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted on stream " + id);
        }
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = YamuxStream.this.read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return YamuxStream.this.read(b, off, len);
        }

        @Override
        public int available() {
            synchronized (lock) {
                int n = -headOffset;
                for (byte[] chunk : received) {
                    n += chunk.length;
                }
                return Math.max(0, n);
            }
        }

        @Override
        public void close() {
            YamuxStream.this.close();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            YamuxStream.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            YamuxStream.this.write(b, off, len);
        }

        @Override
        public void close() {
            YamuxStream.this.close();
        }
    }
}
