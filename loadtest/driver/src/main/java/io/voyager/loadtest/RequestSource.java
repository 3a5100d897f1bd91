package io.voyager.loadtest;

import java.util.Map;

/** Produces the request sent as number {@code index} of a run. */
@FunctionalInterface
public interface RequestSource {

    OutgoingRequest request(long index);

    record OutgoingRequest(String method, String path, Map<String, String> headers, byte[] body) {}
}
