package io.voyager.rollouts.argo;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.goplugin.gob.GobInterface;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.netrpc.RpcReply;
import io.voyager.rollouts.goplugin.netrpc.RpcServices;
import io.voyager.rollouts.prometheus.PrometheusClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRpcServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:10:00Z"), ZoneOffset.UTC);
    private final RpcServices service =
            PluginRpcService.create(new MetricProviderPlugin(PrometheusClient.newHttpClient(), CLOCK));

    private static GobInterface args(String name, Map<String, Object> fields) {
        return new GobInterface(name, GobType.struct(name), new GobStruct(name, fields));
    }

    @Test
    void argumentsOfTheWrongRegisteredTypeGetTheErrorArgosServerSends() {
        RpcReply reply = service.call("Plugin.Run", args("GetMetadataArgs", Map.of()));

        assertThat(reply.error()).isEqualTo("invalid args GetMetadataArgs");
    }

    @Test
    void aNilArgumentForRunIsRefusedWithoutCrashing() {
        assertThat(service.call("Plugin.Run", null).error()).isEqualTo("invalid args null");
    }

    @Test
    void runWithoutAnAnalysisRunStillAnswersWithAMeasurement() {
        RpcReply reply = service.call(
                "Plugin.Run", args("RunArgs", Map.of("Metric", new GobStruct("Metric", Map.of("Name", "m")))));

        assertThat(reply.isError()).isFalse();
        assertThat(reply.type()).isEqualTo(ArgoWireTypes.MEASUREMENT);
        @SuppressWarnings("unchecked")
        Map<String, Object> measurement = (Map<String, Object>) reply.body();
        assertThat(measurement)
                .containsEntry("Phase", "Error")
                .containsEntry("Message", "invalid config: provider.plugin.voyager/canary-judge: missing");
    }

    @Test
    void initPluginAndGarbageCollectAnswerAnEmptyRpcError() {
        assertThat(service.call("Plugin.InitPlugin", null).body()).isEqualTo(Map.of("ErrorString", ""));
        assertThat(service.call("Plugin.GarbageCollect", args("GarbageCollectArgs", Map.of("Limit", 5L)))
                        .body())
                .isEqualTo(Map.of("ErrorString", ""));
    }
}
