package io.voyager.rollouts.argo;

/** Argo's {@code types.RpcError}: an empty string means success. */
public record RpcError(String errorString) {
    public static final RpcError NONE = new RpcError("");

    public RpcError {
        errorString = errorString == null ? "" : errorString;
    }
}
