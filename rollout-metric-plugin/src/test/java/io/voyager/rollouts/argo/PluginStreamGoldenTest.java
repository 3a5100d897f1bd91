package io.voyager.rollouts.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobEncoder;
import io.voyager.rollouts.goplugin.gob.GobInterface;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobValue;
import io.voyager.rollouts.goplugin.testsupport.Golden;
import io.voyager.rollouts.goplugin.testsupport.Golden.Exchange;
import io.voyager.rollouts.goplugin.testsupport.InMemoryRpc;
import io.voyager.rollouts.prometheus.PrometheusClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin stream captured from Go's net/rpc client and server (src/test/resources/golden). */
class PluginStreamGoldenTest {
    /** Type descriptors cache their hash code lazily; that cache is no part of the value. */
    private static final String HASH_CACHE = ".*\\.hash";

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:10:00Z"), ZoneOffset.UTC);

    private static GobStruct runArgs() throws IOException {
        Exchange run = Golden.exchanges(Golden.bytes("plugin-host.bin")).get(1);
        assertThat(run.serviceMethod()).isEqualTo("Plugin.Run");
        GobInterface args = (GobInterface) run.body().value();
        assertThat(args.concreteTypeName()).isEqualTo("RunArgs");
        return (GobStruct) args.value();
    }

    @Test
    void fullRunArgsWithTheJobProviderTreeMapOntoTheAnalysisRunView() throws Exception {
        AnalysisRunView run = ArgoDecoding.analysisRun(runArgs().struct("AnalysisRun"));

        assertThat(run.name()).isEqualTo("voyager-gateway-7d9c8f-2-1");
        assertThat(run.namespace()).isEqualTo("payments");
        assertThat(run.args())
                .as("secret-backed args carry no value")
                .containsExactly(Map.entry("service-name", "voyager-gateway"));
        assertThat(run.measurements().get("canary-judge"))
                .extracting(Measurement::phase, Measurement::startedAt)
                .containsExactly(
                        tuple(AnalysisPhase.Successful, Instant.parse("2024-05-06T07:01:00Z")),
                        tuple(AnalysisPhase.Successful, Instant.parse("2024-05-06T07:02:00Z")));
    }

    @Test
    void resolvedMetricMapsOntoTheMetricView() throws Exception {
        MetricView metric = ArgoDecoding.metric(runArgs().struct("Metric"));

        assertThat(metric.name()).isEqualTo("canary-judge");
        assertThat(metric.interval()).isEqualTo("1m");
        assertThat(metric.count()).contains(new IntOrString(IntOrString.INT, 5, ""));
        assertThat(metric.failureLimit()).contains(new IntOrString(IntOrString.INT, 1, ""));
        assertThat(metric.consecutiveErrorLimit()).contains(new IntOrString(IntOrString.STRING, 0, "4"));
        assertThat(metric.inconclusiveLimit()).isEqualTo(Optional.empty());
        assertThat(metric.pluginConfig())
                .hasValueSatisfying(json -> assertThat(json)
                        .startsWith("{\"prometheusAddress\":\"http://prometheus.monitoring:9090\"")
                        .contains("\"service\":\"voyager-gateway\""));
    }

    @Test
    void inProgressMeasurementOfResumeKeepsItsTimesAndMetadata() throws Exception {
        Exchange resume = Golden.exchanges(Golden.bytes("plugin-host.bin")).get(2);
        GobStruct args = (GobStruct) ((GobInterface) resume.body().value()).value();

        Measurement m = ArgoDecoding.measurement(args.struct("Measurement"));

        assertThat(m.phase()).isEqualTo(AnalysisPhase.Running);
        assertThat(m.startedAt()).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(m.resumeAt()).isEqualTo(Instant.parse("2024-05-06T07:09:09Z"));
        assertThat(m.finishedAt()).isNull();
        assertThat(m.metadata()).containsExactly(Map.entry("window", "3"));
    }

    @Test
    void answersTheCapturedCallsWithTheHeadersAndReplyTypesGoSent() throws Exception {
        MetricProviderPlugin plugin = new MetricProviderPlugin(PrometheusClient.newHttpClient(), CLOCK);

        byte[] answers = InMemoryRpc.answer(PluginRpcService.create(plugin), Golden.bytes("plugin-host.bin"));

        List<Exchange> ours = Golden.exchanges(answers).stream()
                .sorted(Comparator.comparingLong(Exchange::seq))
                .toList();
        List<Exchange> go = Golden.exchanges(Golden.bytes("plugin-plugin.bin"));
        assertThat(ours).hasSameSizeAs(go);
        for (int i = 0; i < go.size(); i++) {
            Exchange o = ours.get(i);
            Exchange g = go.get(i);
            assertThat(List.of(o.serviceMethod(), o.seq(), o.error()))
                    .as("response %d", i)
                    .isEqualTo(List.of(g.serviceMethod(), g.seq(), g.error()));
            assertThat(o.body().type().name())
                    .as("reply type of %s", g.serviceMethod())
                    .isEqualTo(g.body().type().name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"control-host.bin", "control-plugin.bin", "plugin-host.bin", "plugin-plugin.bin"})
    void javaReencodesEveryGoldenValueToTheSameValue(String file) throws Exception {
        List<GobValue> original = values(new ByteArrayInputStream(Golden.bytes(file)));
        GobEncoder encoder = new GobEncoder();
        ByteArrayOutputStream reencoded = new ByteArrayOutputStream();
        for (GobValue value : original) {
            encoder.encode(reencoded, value.type(), value.value());
        }

        List<GobValue> again = values(new ByteArrayInputStream(reencoded.toByteArray()));

        assertThat(again)
                .extracting(GobValue::value)
                .usingRecursiveComparison()
                .ignoringFieldsMatchingRegexes(HASH_CACHE)
                .isEqualTo(original.stream().map(GobValue::value).toList());
    }

    @Test
    void decodesTheFullRunArgsFedOneByteAtATime() throws Exception {
        byte[] bytes = Golden.bytes("plugin-host.bin");
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(1, len));
            }
        };

        assertThat(values(trickle))
                .extracting(GobValue::value)
                .usingRecursiveComparison()
                .ignoringFieldsMatchingRegexes(HASH_CACHE)
                .isEqualTo(values(new ByteArrayInputStream(bytes)).stream()
                        .map(GobValue::value)
                        .toList());
    }

    private static List<GobValue> values(InputStream in) throws IOException {
        GobDecoder decoder = new GobDecoder();
        List<GobValue> values = new ArrayList<>();
        while (true) {
            try {
                values.add(decoder.decode(in));
            } catch (EOFException end) {
                return values;
            }
        }
    }
}
