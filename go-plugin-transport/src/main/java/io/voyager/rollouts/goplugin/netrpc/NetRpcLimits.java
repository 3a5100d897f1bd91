package io.voyager.rollouts.goplugin.netrpc;

/** net/rpc limits in one place. */
public final class NetRpcLimits {
    /** Longest {@code Service.Method} name accepted in a request header. */
    public static final int MAX_SERVICE_METHOD_LENGTH = 256;

    private NetRpcLimits() {}
}
