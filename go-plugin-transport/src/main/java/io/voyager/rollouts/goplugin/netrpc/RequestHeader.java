package io.voyager.rollouts.goplugin.netrpc;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobException;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Go's {@code rpc.Request}: which method, and the sequence number the response must echo. */
public record RequestHeader(String serviceMethod, long seq) {

    /**
     * Reads the next request header of a stream.
     *
     * @throws EOFException at a clean end of the stream
     * @throws GobException when the bytes are no gob value or the value does not fit {@code rpc.Request}
     */
    public static RequestHeader read(GobDecoder decoder, InputStream in) throws IOException {
        Object value = decoder.decodeValue(in);
        if (!(value instanceof GobStruct header)) {
            throw new GobException("request header is not a struct: " + value);
        }
        // Like Go's decoder, refuse fields whose wire type does not fit rpc.Request.
        Object serviceMethod = header.fields().getOrDefault("ServiceMethod", "");
        Object seq = header.fields().getOrDefault("Seq", 0L);
        if (!(serviceMethod instanceof String method) || !(seq instanceof Long number)) {
            throw new GobException("request header does not match rpc.Request: " + header);
        }
        if (method.length() > NetRpcLimits.MAX_SERVICE_METHOD_LENGTH) {
            throw new GobException("service method name of " + method.length() + " characters");
        }
        return new RequestHeader(method, number);
    }
}
