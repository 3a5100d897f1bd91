package io.voyager.rollouts.goplugin.netrpc;

/** One net/rpc method: gets the decoded argument (a generic gob value) and answers. */
@FunctionalInterface
public interface RpcMethod {
    RpcReply call(Object argument);
}
