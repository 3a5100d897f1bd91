package io.voyager.rollouts.testsupport;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobEncoder;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.netrpc.RpcWireTypes;
import io.voyager.rollouts.goplugin.testsupport.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go's net/rpc client as the controller uses it from many goroutines: requests go out as they are made,
 * one reader matches responses to calls by {@code Seq}, in whatever order they come back.
 */
public final class PipelinedRpcClient {
    private final InputStream in;
    private final OutputStream out;
    private final GobEncoder encoder = new GobEncoder();
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private long nextSeq;

    PipelinedRpcClient(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
        Thread reader = new Thread(this::readResponses, "rpc-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends the request now; the future completes with the reply body, or with the server's error. */
    public CompletableFuture<Object> call(String serviceMethod, GobType argumentType, Object argument)
            throws IOException {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        synchronized (this) {
            long seq = nextSeq++;
            pending.put(seq, reply);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("ServiceMethod", serviceMethod);
            header.put("Seq", seq);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            encoder.encode(request, RpcWireTypes.REQUEST, header);
            encoder.encode(request, argumentType, argument);
            out.write(request.toByteArray());
            out.flush();
        }
        return reply;
    }

    private void readResponses() {
        GobDecoder decoder = new GobDecoder();
        try {
            while (true) {
                GobStruct response = (GobStruct) decoder.decodeValue(in);
                Object body = decoder.decodeValue(in);
                CompletableFuture<Object> reply = pending.remove(response.integer("Seq"));
                if (reply == null) {
                    throw new IOException("response to no pending call: " + response);
                }
                if (response.string("Error").isEmpty()) {
                    reply.complete(body);
                } else {
                    reply.completeExceptionally(new RpcClient.ServerError(response.string("Error")));
                }
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(reply -> reply.completeExceptionally(e));
        }
    }
}
