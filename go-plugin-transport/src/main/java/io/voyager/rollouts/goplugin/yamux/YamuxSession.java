package io.voyager.rollouts.goplugin.yamux;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A yamux session over one connection. The server side (the plugin) accepts the streams the host
 * opens and acknowledges each at once; the client side opens streams itself. One reader thread
 * decodes frames; all writes go through one lock so every frame leaves contiguous.
 */
public final class YamuxSession implements Closeable {

    /** Receives each stream the peer opens, on a thread of its own. */
    public interface StreamAcceptor {
        void accept(YamuxStream stream);
    }

    private static final Logger LOG = Logger.getLogger(YamuxSession.class.getName());

    private final InputStream in;
    private final OutputStream out;
    private final Closeable connection;
    private final StreamAcceptor acceptor;
    private final Map<Integer, YamuxStream> streams = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> pings = new ConcurrentHashMap<>();
    private final AtomicInteger nextStreamId;
    private final AtomicLong nextPingId = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object writeLock = new Object();
    private final FrameDecoder decoder = new FrameDecoder();
    private volatile boolean remoteGoAway;
    /** Only touched by the reader thread. */
    private int accepted;

    private YamuxSession(
            InputStream in, OutputStream out, Closeable connection, boolean client, StreamAcceptor acceptor) {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.acceptor = acceptor;
        this.nextStreamId = new AtomicInteger(client ? 1 : 2);
    }

    /** The plugin's side: accepts the host's streams and hands each to {@code acceptor}. */
    public static YamuxSession server(InputStream in, OutputStream out, Closeable connection, StreamAcceptor acceptor) {
        return start(new YamuxSession(in, out, connection, false, acceptor));
    }

    /** The host's side: opens streams with odd ids; streams the peer opens are refused. */
    public static YamuxSession client(InputStream in, OutputStream out, Closeable connection) {
        return start(new YamuxSession(in, out, connection, true, null));
    }

    private static YamuxSession start(YamuxSession session) {
        Thread reader = new Thread(session::readLoop, "yamux-reader");
        reader.setDaemon(true);
        reader.start();
        return session;
    }

    /** Opens a stream (window update with SYN); data may follow before the peer acknowledges it. */
    public YamuxStream openStream() throws IOException {
        if (closed.get() || remoteGoAway) {
            throw new IOException("session is closed");
        }
        YamuxStream stream = new YamuxStream(nextStreamId.getAndAdd(2), -1, this);
        streams.put(stream.id(), stream);
        send(FrameHeader.windowUpdate(stream.id(), Flags.SYN, 0), null, 0, 0);
        return stream;
    }

    /** Sends a ping and waits for its answer; returns the round-trip time. */
    public Duration ping() throws IOException {
        long id = nextPingId.getAndIncrement() & 0xffffffffL;
        CompletableFuture<Void> answer = new CompletableFuture<>();
        pings.put(id, answer);
        long start = System.nanoTime();
        try {
            send(FrameHeader.ping(Flags.SYN, id), null, 0, 0);
            answer.get(YamuxLimits.PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("ping " + id + " not answered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pinging", e);
        } finally {
            pings.remove(id);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Blocks until the connection has ended. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the connection; yamux, like Go's Session.Close, sends no Go Away for this. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the connection failed", e);
        }
        for (YamuxStream stream : List.copyOf(streams.values())) {
            stream.onSessionClosed();
        }
        streams.clear();
        pings.values().forEach(p -> p.completeExceptionally(new IOException("session closed")));
        terminated.countDown();
    }

    void sendData(int streamId, byte[] payload, int off, int len) throws IOException {
        send(FrameHeader.data(streamId, Flags.NONE, len), payload, off, len);
    }

    void sendQuietly(FrameHeader header) {
        try {
            send(header, null, 0, 0);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not send " + header, e);
        }
    }

    void forget(YamuxStream stream) {
        streams.remove(stream.id(), stream);
    }

    private void send(FrameHeader header, byte[] payload, int off, int len) throws IOException {
        byte[] frame = new byte[YamuxLimits.HEADER_SIZE + len];
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        header.writeTo(buffer);
        if (len > 0) {
            buffer.put(payload, off, len);
        }
        synchronized (writeLock) {
            if (closed.get()) {
                throw new IOException("session is closed");
            }
            out.write(frame);
            out.flush();
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[64 * 1024];
        Consumer<Frame> dispatch = this::onFrame;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                decoder.feed(ByteBuffer.wrap(buffer, 0, n), dispatch);
            }
        } catch (YamuxException e) {
            LOG.log(Level.WARNING, "yamux protocol error, closing the session: " + e.getMessage());
            sendQuietly(FrameHeader.goAway(GoAwayCode.PROTOCOL_ERROR));
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.log(Level.FINE, "connection ended", e);
            }
        } finally {
            close();
        }
    }

    private void onFrame(Frame frame) {
        FrameHeader header = frame.header();
        switch (header.type()) {
            case PING -> onPing(header);
            case GO_AWAY -> onGoAway(header);
            case DATA, WINDOW_UPDATE -> onStreamFrame(frame);
        }
    }

    private void onPing(FrameHeader header) {
        if (header.has(Flags.SYN)) {
            sendQuietly(FrameHeader.ping(Flags.ACK, header.length()));
        } else if (header.has(Flags.ACK)) {
            CompletableFuture<Void> answer = pings.get(header.length());
            if (answer != null) {
                answer.complete(null);
            }
        }
    }

    private void onGoAway(FrameHeader header) {
        remoteGoAway = true;
        if (header.length() != GoAwayCode.NORMAL) {
            LOG.warning("peer sent go away with error code " + header.length());
        }
    }

    private void onStreamFrame(Frame frame) {
        FrameHeader header = frame.header();
        long offset = decoder.offset();
        if (header.streamId() == 0) {
            throw new YamuxException(header.type() + " frame on stream 0", offset);
        }
        YamuxStream stream = streams.get(header.streamId());
        if (header.has(Flags.SYN)) {
            if (stream != null) {
                throw new YamuxException("duplicate stream " + header.streamId(), offset);
            }
            stream = acceptStream(header.streamId());
        }
        if (stream == null) {
            return; // data for a stream that is gone is read and dropped, as Go does
        }
        stream.onFrame(header, frame.payload(), offset);
    }

    private YamuxStream acceptStream(int id) {
        if (acceptor == null || streams.size() >= YamuxLimits.MAX_STREAMS || remoteGoAway) {
            sendQuietly(FrameHeader.windowUpdate(id, Flags.RST, 0));
            return null;
        }
        YamuxStream stream = new YamuxStream(id, accepted++, this);
        streams.put(id, stream);
        sendQuietly(FrameHeader.windowUpdate(id, Flags.ACK, 0));
        Thread handler = new Thread(() -> acceptor.accept(stream), "yamux-stream-" + id);
        handler.setDaemon(true);
        handler.start();
        return stream;
    }
}
