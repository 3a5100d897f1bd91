package io.voyager.rollouts.goplugin.netrpc;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobEncoder;
import io.voyager.rollouts.goplugin.gob.GobException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Go's net/rpc server on one byte stream: reads gob request headers and bodies in order, runs calls
 * concurrently, and writes each response (header + body) in one piece, in whatever order the calls
 * finish; the client matches them by {@code Seq}.
 */
public final class RpcServer {
    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());

    private final RpcServices services;
    private final ExecutorService workers;
    private final Semaphore inFlight;
    private final GobDecoder decoder = new GobDecoder();
    private final GobEncoder encoder = new GobEncoder();
    private final Object sendLock = new Object();

    public RpcServer(RpcServices services, ExecutorService workers, int maxConcurrentCalls) {
        this.services = services;
        this.workers = workers;
        this.inFlight = new Semaphore(maxConcurrentCalls);
    }

    /** Serves until the stream ends or breaks; returns normally at a clean end of stream. */
    public void serve(InputStream in, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            RequestHeader header;
            try {
                header = RequestHeader.read(decoder, in);
            } catch (EOFException e) {
                return;
            }
            Object argument;
            try {
                argument = decoder.decodeValue(in);
            } catch (GobException e) {
                // The stream is out of step once a body cannot be decoded: answer, then stop.
                send(out, header, RpcReply.error(e.getMessage()));
                throw e;
            }
            inFlight.acquire();
            workers.execute(() -> {
                try {
                    send(out, header, services.call(header.serviceMethod(), argument));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "could not answer " + header.serviceMethod(), e);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private void send(OutputStream out, RequestHeader request, RpcReply reply) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("ServiceMethod", request.serviceMethod());
        header.put("Seq", request.seq());
        header.put("Error", reply.error());
        synchronized (sendLock) {
            // Encode under the lock: type definitions must precede their first use in stream order.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            encoder.encode(bytes, RpcWireTypes.RESPONSE, header);
            encoder.encode(bytes, reply.type(), reply.body());
            out.write(bytes.toByteArray());
            out.flush();
        }
        reply.afterSend().run();
    }
}
