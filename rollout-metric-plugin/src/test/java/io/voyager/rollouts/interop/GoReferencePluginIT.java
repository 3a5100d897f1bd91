package io.voyager.rollouts.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.testsupport.RpcClient;
import io.voyager.rollouts.testsupport.ArgoArgs;
import io.voyager.rollouts.testsupport.GoPluginProcess;
import io.voyager.rollouts.testsupport.GoPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our transport as the CLIENT of a real go-plugin server: every request Java encodes must be
 * understood by Go's gob and net/rpc, and every Go reply must decode in Java.
 */
class GoReferencePluginIT {
    @TempDir
    Path workDir;

    private GoPluginProcess plugin;
    private RpcClient provider;

    @BeforeEach
    void launch() throws Exception {
        plugin = GoPluginProcess.start(GoPrograms.build("refplugin"), workDir);
        provider = plugin.dispense("RpcMetricProviderPlugin");
    }

    @AfterEach
    void stop() {
        plugin.close();
    }

    private static Instant time(GobStruct struct, String field) {
        return struct.opaque(field).asTime().instant();
    }

    @Test
    void runArgumentsEncodedInJavaArriveIntactInGo() throws Exception {
        GobStruct m = (GobStruct) provider.call("Plugin.Run", GobType.INTERFACE, ArgoArgs.runArgs());

        assertThat(m.string("Phase")).isEqualTo("Successful");
        assertThat(m.string("Value")).isEqualTo(ArgoArgs.PLUGIN_CONFIG);
        assertThat(m.map("Metadata"))
                .containsEntry("analysisRun", "payments/voyager-gateway-7d9c8f-2-1")
                .containsEntry("metric", "canary-judge");
        assertThat(time(m, "StartedAt")).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(time(m, "FinishedAt")).isEqualTo(Instant.parse("2024-05-06T07:08:10Z"));
    }

    @Test
    void measurementEncodedInJavaRoundTripsThroughGo() throws Exception {
        GobStruct m = (GobStruct) provider.call("Plugin.Resume", GobType.INTERFACE, ArgoArgs.terminateAndResumeArgs());

        assertThat(m.string("Phase")).isEqualTo("Successful");
        assertThat(m.map("Metadata")).containsExactly(Map.entry("window", "3"));
        assertThat(time(m, "StartedAt")).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
    }

    @Test
    void everyOtherCallAnswersAsGoSendsIt() throws Exception {
        assertThat(((GobStruct) provider.call("Plugin.InitPlugin", GobType.INTERFACE, null)).fields())
                .isEmpty();
        assertThat(provider.call("Plugin.Type", GobType.INTERFACE, null)).isEqualTo("RPCPlugin");
        assertThat(provider.call("Plugin.GetMetadata", GobType.INTERFACE, ArgoArgs.getMetadataArgs()))
                .isEqualTo(Map.of("metric", "canary-judge", "interval", "1m"));
        assertThat(((GobStruct) provider.call(
                                "Plugin.GarbageCollect", GobType.INTERFACE, ArgoArgs.garbageCollectArgs(5)))
                        .fields())
                .isEmpty();
        assertThat(((GobStruct) provider.call(
                                "Plugin.GarbageCollect", GobType.INTERFACE, ArgoArgs.garbageCollectArgs(-1)))
                        .string("ErrorString"))
                .isEqualTo("negative limit for canary-judge");
        GobStruct terminated =
                (GobStruct) provider.call("Plugin.Terminate", GobType.INTERFACE, ArgoArgs.terminateAndResumeArgs());
        assertThat(terminated.string("Phase")).isEqualTo("Running");
        assertThat(terminated.has("FinishedAt")).isTrue();
    }

    @Test
    void goServerErrorsArriveAsErrorStrings() {
        assertThatThrownBy(() -> provider.call("Plugin.Nope", GobType.INTERFACE, ArgoArgs.getMetadataArgs()))
                .isInstanceOf(RpcClient.ServerError.class)
                .hasMessage("rpc: can't find method Plugin.Nope");
    }

    @Test
    void controlPingKeepaliveAndQuitWork() throws Exception {
        plugin.ping();
        assertThat(plugin.session().ping()).isLessThan(Duration.ofSeconds(10));
        provider.call("Plugin.Run", GobType.INTERFACE, ArgoArgs.runArgs());
        plugin.ping();

        assertThat(plugin.quit(Duration.ofSeconds(2)))
                .as("exit status after Control.Quit")
                .isZero();
    }
}
