package io.voyager.rollouts.goplugin.testsupport;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobEncoder;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.netrpc.RpcWireTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Go's net/rpc client on one byte stream, one call at a time: what Argo's controller does per call. */
public final class RpcClient {
    private final InputStream in;
    private final OutputStream out;
    private final GobEncoder encoder = new GobEncoder();
    private final GobDecoder decoder = new GobDecoder();
    private long nextSeq;

    public RpcClient(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** A server-side error, carried in the response header. */
    public static final class ServerError extends IOException {
        public ServerError(String message) {
            super(message);
        }
    }

    public synchronized Object call(String serviceMethod, GobType argumentType, Object argument) throws IOException {
        long seq = nextSeq++;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("ServiceMethod", serviceMethod);
        header.put("Seq", seq);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        encoder.encode(request, RpcWireTypes.REQUEST, header);
        encoder.encode(request, argumentType, argument);
        out.write(request.toByteArray());
        out.flush();

        GobStruct response = (GobStruct) decoder.decodeValue(in);
        Object body = decoder.decodeValue(in);
        if (!serviceMethod.equals(response.string("ServiceMethod")) || response.integer("Seq") != seq) {
            throw new IOException("response " + response + " does not answer " + serviceMethod + " seq " + seq);
        }
        if (!response.string("Error").isEmpty()) {
            throw new ServerError(response.string("Error"));
        }
        return body;
    }
}
