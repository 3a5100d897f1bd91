package io.voyager.rollouts.goplugin.netrpc;

import io.voyager.rollouts.goplugin.gob.GobType;
import java.util.Map;

/**
 * What a method answers: a typed gob body, or an error string (sent with an empty-struct body, as
 * Go's server does). {@code afterSend} runs once the response has left, e.g. to exit after Quit.
 */
public record RpcReply(GobType type, Object body, String error, Runnable afterSend) {
    private static final Runnable NOTHING = () -> {};

    public static RpcReply of(GobType type, Object body) {
        return new RpcReply(type, body, "", NOTHING);
    }

    public static RpcReply empty() {
        return of(RpcWireTypes.EMPTY, Map.of());
    }

    public static RpcReply error(String message) {
        return new RpcReply(RpcWireTypes.EMPTY, Map.of(), message, NOTHING);
    }

    public RpcReply then(Runnable action) {
        return new RpcReply(type, body, error, action);
    }

    public boolean isError() {
        return !error.isEmpty();
    }
}
