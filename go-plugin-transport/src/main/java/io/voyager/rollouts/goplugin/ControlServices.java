package io.voyager.rollouts.goplugin;

import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.netrpc.RpcReply;
import io.voyager.rollouts.goplugin.netrpc.RpcServices;
import java.util.Set;

/** The control stream's services: {@code Control.Ping}, {@code Control.Quit} and {@code Dispenser.Dispense}. */
final class ControlServices {
    private ControlServices() {}

    static RpcServices create(MuxBroker broker, Set<String> pluginNames, Runnable quit) {
        return new RpcServices()
                .register("Control", "Ping", argument -> RpcReply.empty())
                .register("Control", "Quit", argument -> RpcReply.empty().then(quit))
                .register("Dispenser", "Dispense", argument -> dispense(broker, pluginNames, argument));
    }

    private static RpcReply dispense(MuxBroker broker, Set<String> pluginNames, Object argument) {
        String name = argument instanceof String s ? s : String.valueOf(argument);
        if (!pluginNames.contains(name)) {
            return RpcReply.error("unknown plugin type: " + name);
        }
        return RpcReply.of(GobType.UINT32, (long) broker.reserve(name));
    }
}
