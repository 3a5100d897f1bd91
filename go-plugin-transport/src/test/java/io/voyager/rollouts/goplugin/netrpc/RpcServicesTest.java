package io.voyager.rollouts.goplugin.netrpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.goplugin.gob.GobType;
import org.junit.jupiter.api.Test;

class RpcServicesTest {
    private final RpcServices services = new RpcServices()
            .register("Plugin", "Type", arg -> RpcReply.of(GobType.STRING, "RPCPlugin"))
            .register("Plugin", "Boom", arg -> {
                throw new IllegalArgumentException("invalid args nope");
            });

    @Test
    void unknownNamesGetGoServersErrorStrings() {
        assertThat(services.call("Plugin.Nope", null).error()).isEqualTo("rpc: can't find method Plugin.Nope");
        assertThat(services.call("Nope.Type", null).error()).isEqualTo("rpc: can't find service Nope.Type");
        assertThat(services.call("PluginType", null).error())
                .isEqualTo("rpc: service/method request ill-formed: PluginType");
    }

    @Test
    void errorRepliesCarryAnEmptyStructBodyLikeGo() {
        RpcReply reply = services.call("Plugin.Nope", null);

        assertThat(reply.type()).isEqualTo(RpcWireTypes.EMPTY);
        assertThat(reply.isError()).isTrue();
    }

    @Test
    void aFailingMethodBecomesAnErrorReplyInsteadOfADeadStream() {
        assertThat(services.call("Plugin.Boom", null).error()).isEqualTo("invalid args nope");
    }

    @Test
    void knownMethodsAnswer() {
        assertThat(services.call("Plugin.Type", null).body()).isEqualTo("RPCPlugin");
    }

    @Test
    void aCallThatRunsOutOfHeapOrStackIsStillAnswered() {
        services.register("Plugin", "Hog", arg -> {
            throw new OutOfMemoryError("Java heap space");
        });
        services.register("Plugin", "Recurse", arg -> {
            throw new StackOverflowError();
        });

        assertThat(services.call("Plugin.Hog", null).error())
                .isEqualTo("Plugin.Hog failed: java.lang.OutOfMemoryError: Java heap space");
        assertThat(services.call("Plugin.Recurse", null).error())
                .isEqualTo("Plugin.Recurse failed: java.lang.StackOverflowError");
    }
}
