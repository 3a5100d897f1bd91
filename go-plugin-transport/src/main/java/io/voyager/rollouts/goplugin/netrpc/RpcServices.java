package io.voyager.rollouts.goplugin.netrpc;

import java.util.HashMap;
import java.util.Map;

/** Methods by {@code "Service.Method"}, answering unknown names with the error strings Go's server uses. */
public final class RpcServices {
    private final Map<String, Map<String, RpcMethod>> services = new HashMap<>();

    public RpcServices register(String service, String method, RpcMethod handler) {
        services.computeIfAbsent(service, s -> new HashMap<>()).put(method, handler);
        return this;
    }

    /**
     * Calls the method; a handler's RuntimeException, stack overflow or out-of-memory becomes an error reply
     * instead of a call that is never answered.
     */
    public RpcReply call(String serviceMethod, Object argument) {
        int dot = serviceMethod.lastIndexOf('.');
        if (dot < 0) {
            return RpcReply.error("rpc: service/method request ill-formed: " + serviceMethod);
        }
        Map<String, RpcMethod> methods = services.get(serviceMethod.substring(0, dot));
        if (methods == null) {
            return RpcReply.error("rpc: can't find service " + serviceMethod);
        }
        RpcMethod method = methods.get(serviceMethod.substring(dot + 1));
        if (method == null) {
            return RpcReply.error("rpc: can't find method " + serviceMethod);
        }
        try {
            return method.call(argument);
        } catch (RuntimeException e) {
            return RpcReply.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            // The failed call's stack or allocations are gone by now: answer, or the caller waits forever.
            return RpcReply.error(serviceMethod + " failed: " + e);
        }
    }
}
