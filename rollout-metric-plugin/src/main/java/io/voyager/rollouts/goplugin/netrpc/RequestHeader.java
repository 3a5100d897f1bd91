package io.voyager.rollouts.goplugin.netrpc;

/** Go's {@code rpc.Request}: which method, and the sequence number the response must echo. */
public record RequestHeader(String serviceMethod, long seq) {
}
