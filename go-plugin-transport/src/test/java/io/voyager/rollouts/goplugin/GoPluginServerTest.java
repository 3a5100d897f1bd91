package io.voyager.rollouts.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.netrpc.RpcReply;
import io.voyager.rollouts.goplugin.netrpc.RpcServices;
import io.voyager.rollouts.goplugin.testsupport.GoPluginClient;
import io.voyager.rollouts.goplugin.testsupport.Golden;
import io.voyager.rollouts.goplugin.testsupport.Golden.Exchange;
import io.voyager.rollouts.goplugin.testsupport.RpcClient;
import io.voyager.rollouts.goplugin.testsupport.SocketPair;
import io.voyager.rollouts.goplugin.yamux.YamuxSession;
import io.voyager.rollouts.goplugin.yamux.YamuxStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoPluginServerTest {
    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private GoPluginServer server() {
        RpcServices provider =
                new RpcServices().register("Plugin", "Type", arg -> RpcReply.of(GobType.STRING, "RPCPlugin"));
        return new GoPluginServer(Map.of("RpcMetricProviderPlugin", provider), workers, 4);
    }

    @Test
    void dispensedPluginIsServedOnTheBrokerStream() throws Exception {
        GoPluginServer server = server();
        try (SocketPair pair = SocketPair.open(dir)) {
            YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), server::onStream);
            GoPluginClient host =
                    new GoPluginClient(pair.host().in(), pair.host().out(), pair.host());

            RpcClient provider = host.dispense("RpcMetricProviderPlugin");
            host.ping();

            assertThat(provider.call("Plugin.Type", GobType.INTERFACE, null)).isEqualTo("RPCPlugin");
            assertThatThrownBy(() -> host.dispense("RpcStepPlugin")).hasMessage("unknown plugin type: RpcStepPlugin");
            host.quit();
            assertThat(server.awaitQuit(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void controlRequestsSplitAcrossDataFramesAtEveryByteAreAnswered() throws Exception {
        byte[] requests = Golden.bytes("control-host.bin");
        for (int split = 1; split < requests.length; split++) {
            GoPluginServer server = server();
            try (SocketPair pair = SocketPair.open(dir)) {
                YamuxSession plugin =
                        YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), server::onStream);
                YamuxSession host =
                        YamuxSession.client(pair.host().in(), pair.host().out(), pair.host());
                YamuxStream control = host.openStream();
                control.output().write(requests, 0, split);
                control.output().write(requests, split, requests.length - split);

                List<Exchange> answers = Golden.exchanges(control.input(), 3);

                assertThat(answers)
                        .as("split at byte %d", split)
                        .extracting(Exchange::serviceMethod)
                        .containsExactlyInAnyOrder("Dispenser.Dispense", "Control.Ping", "Control.Quit");
                assertThat(server.awaitQuit(Duration.ofSeconds(10)))
                        .as("split at byte %d", split)
                        .isTrue();
                host.close();
                assertThat(plugin.awaitTermination(Duration.ofSeconds(10))).isTrue();
            }
        }
    }
}
