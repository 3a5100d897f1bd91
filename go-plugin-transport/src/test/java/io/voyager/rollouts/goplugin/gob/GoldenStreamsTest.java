package io.voyager.rollouts.goplugin.gob;

import static io.voyager.rollouts.goplugin.gob.GobType.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Streams written by Go's encoding/gob: the decoder reads them, the encoder reproduces the replies exactly. */
class GoldenStreamsTest {

    private static final Instant T0 = Instant.parse("2024-01-02T03:04:05Z");

    @Test
    void stringReplyMatchesGo() throws IOException {
        assertThat(Golden.decodeAll("string.gob")).extracting(GobValue::value).containsExactly("RPCPlugin");
        assertThat(new GobEncoder().encode(GobType.STRING, "RPCPlugin")).isEqualTo(Golden.bytes("string.gob"));
    }

    @Test
    void metadataMapReplyMatchesGo() throws IOException {
        assertThat(Golden.decodeAll("map-string-string.gob"))
                .extracting(GobValue::value)
                .containsExactly(Map.of("resolvedQuery", "up"));
        assertThat(hex(new GobEncoder().encode(Golden.STRING_MAP, Map.of("resolvedQuery", "up"))))
                .isEqualTo(hex(Golden.bytes("map-string-string.gob")));
    }

    @Test
    void rpcErrorRepliesMatchGo() throws IOException {
        assertThat(Golden.decodeAll("rpc-error.gob"))
                .extracting(GobValue::value)
                .containsExactly(
                        new GobStruct("RpcError", Map.of("ErrorString", "boom")), new GobStruct("RpcError", Map.of()));

        GobEncoder encoder = new GobEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(out, Golden.RPC_ERROR, Map.of("ErrorString", "boom"));
        encoder.encode(out, Golden.RPC_ERROR, Map.of());
        assertThat(hex(out.toByteArray())).isEqualTo(hex(Golden.bytes("rpc-error.gob")));
    }

    @Test
    void measurementsDecodeWithTheirTimeZones() throws IOException {
        List<GobValue> values = Golden.decodeAll("measurement.gob");

        GobStruct done = (GobStruct) values.get(0).value();
        assertThat(done.string("Phase")).isEqualTo("Successful");
        assertThat(done.opaque("StartedAt").asTime()).isEqualTo(GoTime.utc(T0));
        assertThat(done.opaque("FinishedAt").asTime().instant())
                .isEqualTo(T0.plusSeconds(2).plusNanos(6));
        assertThat(done.map("Metadata")).isEqualTo(Map.of("q", "up"));
        GobStruct running = (GobStruct) values.get(1).value();
        assertThat(running.has("FinishedAt")).isFalse();
        assertThat(running.opaque("ResumeAt").asTime()).isEqualTo(GoTime.at(T0.plusSeconds(60), ZoneOffset.ofHours(2)));
        GobStruct failed = (GobStruct) values.get(2).value();
        assertThat(failed.string("Message")).isEqualTo("prometheus: connection refused");
        assertThat(failed.opaque("StartedAt").payload()).hasSize(16);
        assertThat(failed.opaque("StartedAt").asTime().offsetSeconds()).isEqualTo(3630);
        assertThat(failed.opaque("StartedAt").asTime().instant()).isEqualTo(T0);
    }

    @Test
    void measurementRepliesMatchGoByteForByte() {
        assertThat(hex(measurements(new GobEncoder()))).isEqualTo(hex(Golden.bytes("measurement.gob")));
    }

    @Test
    void pluginReplyStreamMatchesAGoPluginByteForByte() {
        GobEncoder encoder = new GobEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Map<String, Object>> ms = measurementValues();
        reply(encoder, out, "Plugin.InitPlugin", 0, "", Golden.RPC_ERROR, Map.of());
        reply(encoder, out, "Plugin.Run", 1, "", Golden.MEASUREMENT, ms.get(0));
        reply(encoder, out, "Plugin.Run", 2, "", Golden.MEASUREMENT, ms.get(1));
        reply(encoder, out, "Plugin.Resume", 3, "", Golden.MEASUREMENT, ms.get(2));
        reply(encoder, out, "Plugin.Terminate", 4, "", Golden.MEASUREMENT, ms.get(0));
        reply(encoder, out, "Plugin.GarbageCollect", 5, "", Golden.RPC_ERROR, Map.of("ErrorString", "gc failed"));
        reply(
                encoder,
                out,
                "Plugin.GetMetadata",
                6,
                "",
                Golden.STRING_MAP,
                Map.of("query", "sum(rate(http_requests_total[1m]))"));
        reply(encoder, out, "Plugin.Type", 7, "", GobType.STRING, "RPCPlugin");
        reply(encoder, out, "Plugin.Bogus", 8, "rpc: can't find method Plugin.Bogus", Golden.INVALID_REQUEST, Map.of());

        assertThat(hex(out.toByteArray())).isEqualTo(hex(Golden.bytes("plugin-stream-replies.gob")));
    }

    @Test
    void controllerRequestsDecodeIntoArgoShapedValues() throws IOException {
        GobDecoder decoder = new GobDecoder();
        List<GobValue> values = Golden.decodeAll(decoder, Golden.bytes("plugin-stream-requests.gob"));

        assertThat(values).hasSize(16);
        assertThat(values.get(0).value())
                .isEqualTo(new GobStruct("Request", Map.of("ServiceMethod", "Plugin.InitPlugin")));
        assertThat(values.get(1).value()).isNull();
        assertThat(values.get(2).value())
                .isEqualTo(new GobStruct("Request", Map.of("ServiceMethod", "Plugin.Run", "Seq", 1L)));
        assertThat(decoder.definitionCount())
                .as("type definitions on the stream")
                .isBetween(200, 260);

        GobInterface run = (GobInterface) values.get(3).value();
        assertThat(run.concreteTypeName()).isEqualTo("RunArgs");
        GobStruct args = (GobStruct) run.value();
        GobStruct analysisRun = args.struct("AnalysisRun");
        assertThat(analysisRun.struct("ObjectMeta").string("Name")).isEqualTo("voyager-gateway-7d9f5c-2-1");
        assertThat(analysisRun.struct("ObjectMeta").string("Namespace")).isEqualTo("payments");
        assertThat(analysisRun
                        .struct("ObjectMeta")
                        .opaque("CreationTimestamp")
                        .asTime()
                        .instant())
                .isEqualTo(Instant.parse("2024-01-02T03:00:00Z"));
        List<Object> runArgs = analysisRun.struct("Spec").list("Args");
        assertThat(((GobStruct) runArgs.get(0)).string("Value")).isEqualTo("voyager-gateway");
        assertThat(((GobStruct) runArgs.get(1))
                        .struct("ValueFrom")
                        .struct("SecretKeyRef")
                        .string("Key"))
                .isEqualTo("token");
        GobStruct result =
                (GobStruct) analysisRun.struct("Status").list("MetricResults").get(0);
        assertThat(result.list("Measurements")).hasSize(2);
        assertThat(result.integer("Count")).isEqualTo(2);

        GobStruct metric = args.struct("Metric");
        assertThat(metric.string("Name")).isEqualTo("canary-judge");
        assertThat(metric.string("Interval")).isEqualTo("1m");
        assertThat(metric.struct("Count").integer("IntVal")).isEqualTo(5);
        assertThat(metric.struct("FailureLimit").string("StrVal")).isEqualTo("20%");
        byte[] config = (byte[]) metric.struct("Provider").map("Plugin").get("voyager/canary-judge");
        assertThat(new String(config, StandardCharsets.UTF_8))
                .isEqualTo("{\"baseline\":\"stable\",\"canary\":\"canary\",\"maxP99Ms\":250}");

        GobStruct job = ((GobStruct) analysisRun.struct("Spec").list("Metrics").get(2))
                .struct("Provider")
                .struct("Job");
        GobStruct container = (GobStruct) job.struct("Spec")
                .struct("Template")
                .struct("Spec")
                .list("Containers")
                .get(0);
        assertThat(container.string("Image")).isEqualTo("curlimages/curl:8.10.1");
        assertThat(((GobStruct) container.struct("Resources").map("Limits").get("cpu")).string("Format"))
                .isEqualTo("DecimalSI");
        assertThat(container.struct("SecurityContext").bool("RunAsNonRoot")).isTrue();
        assertThat(container
                        .struct("LivenessProbe")
                        .struct("ProbeHandler")
                        .struct("HTTPGet")
                        .struct("Port")
                        .integer("IntVal"))
                .isEqualTo(8080);
    }

    @Test
    void laterCallsReuseTheDefinitionsOfTheFirst() throws IOException {
        List<GobValue> values = Golden.decodeAll("plugin-stream-requests.gob");

        assertThat(Plain.of(values.get(5).value()))
                .isEqualTo(Plain.of(values.get(3).value()));
        GobStruct resume = (GobStruct) ((GobInterface) values.get(7).value()).value();
        assertThat(resume.struct("Measurement").string("Phase")).isEqualTo("Running");
        GobStruct gc = (GobStruct) ((GobInterface) values.get(11).value()).value();
        assertThat(gc.integer("Limit")).isEqualTo(10);
        assertThat(((GobInterface) values.get(13).value()).concreteTypeName()).isEqualTo("GetMetadataArgs");
        assertThat(values.get(15).value()).isNull();
    }

    @Test
    void skippedValuesStillTeachTheirTypes() throws IOException {
        GobDecoder decoder = new GobDecoder();
        InputStream in = new ByteArrayInputStream(Golden.bytes("plugin-stream-requests.gob"));
        for (int i = 0; i < 4; i++) {
            decoder.skipValue(in); // InitPlugin and the first Run, which carries every definition
        }

        decoder.skipValue(in);
        GobInterface secondRun = (GobInterface) decoder.decodeValue(in);

        assertThat(((GobStruct) secondRun.value()).struct("Metric").string("Name"))
                .isEqualTo("canary-judge");
    }

    @Test
    void theFirstCallCarriesTheTreeWhicheverMethodItIs() throws IOException {
        List<GobValue> resumeFirst = Golden.decodeAll("resume-first-requests.gob");
        List<GobValue> usual = Golden.decodeAll("plugin-stream-requests.gob");

        assertThat(Plain.of(resumeFirst.get(1).value()))
                .isEqualTo(Plain.of(usual.get(7).value()));
    }

    @Test
    void reEncodedRequestsDecodeToTheSameValues() throws IOException {
        List<GobValue> values = Golden.decodeAll("plugin-stream-requests.gob");
        GobEncoder encoder = new GobEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (GobValue v : values) {
            encoder.encode(out, v.type(), v.value());
        }

        List<GobValue> again = Golden.decodeAll(new GobDecoder(), out.toByteArray());
        assertThat(again.stream().map(v -> Plain.of(v.value())).toList())
                .isEqualTo(values.stream().map(v -> Plain.of(v.value())).toList());
    }

    @Test
    void everyOtherKindMatchesGoByteForByte() throws IOException {
        List<GobValue> values = Golden.decodeAll("all-kinds.gob");
        GobStruct kinds = (GobStruct) values.get(0).value();
        assertThat(kinds.integer("Int")).isEqualTo(-129);
        assertThat(kinds.get("Uint64")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(kinds.get("Float32")).isEqualTo(0.5);
        assertThat(kinds.get("Complex")).isEqualTo(new GobComplex(1, -2));
        assertThat(kinds.string("String")).isEqualTo("héllo");
        assertThat(kinds.list("Array")).containsExactly(1L, 0L, -1L);
        assertThat(kinds.list("Slice")).containsExactly("a", "", "c");
        assertThat(kinds.map("EmptyMap")).isEmpty();
        assertThat(kinds.has("EmptyMap")).isTrue();
        assertThat(kinds.has("NilMap")).isFalse();
        assertThat(((GobInterface) kinds.get("Iface")).value())
                .isEqualTo(new GobStruct("Inner", Map.of("Name", "i", "Score", -0.25)));
        assertThat(kinds.list("Ifaces")).hasSize(3).last().isNull();
        assertThat(kinds.opaque("Gob").payload()).isEqualTo("gob:g".getBytes(StandardCharsets.UTF_8));
        assertThat(kinds.opaque("Bin").payload()).isEqualTo("bin:b".getBytes(StandardCharsets.UTF_8));
        assertThat(values.get(1).value())
                .isEqualTo(new GobStruct(
                        "AllKinds",
                        Map.of(
                                "Array",
                                List.of(0L, 0L, 0L),
                                "Nested",
                                new GobStruct("Inner", Map.of()),
                                "Zero",
                                new GobStruct("Inner", Map.of()))));

        assertThat(hex(allKinds(new GobEncoder()))).isEqualTo(hex(Golden.bytes("all-kinds.gob")));
    }

    @Test
    void aStreamEndingBetweenValuesIsEndOfFile() throws IOException {
        GobDecoder decoder = new GobDecoder();
        InputStream in = new ByteArrayInputStream(Golden.bytes("rpc-error.gob"));
        decoder.decode(in);
        decoder.decode(in);

        assertThatThrownBy(() -> decoder.decode(in)).isInstanceOf(EOFException.class);
    }

    private static void reply(
            GobEncoder encoder,
            ByteArrayOutputStream out,
            String method,
            long seq,
            String error,
            GobType type,
            Object body) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("ServiceMethod", method);
        header.put("Seq", seq);
        header.put("Error", error);
        out.writeBytes(encoder.encode(Golden.RESPONSE, header));
        out.writeBytes(encoder.encode(type, body));
    }

    private static List<Map<String, Object>> measurementValues() {
        ZoneOffset plus2 = ZoneOffset.ofHours(2);
        ZoneOffset odd = ZoneOffset.ofTotalSeconds(3630);
        return List.of(
                Map.of(
                        "Phase",
                        "Successful",
                        "StartedAt",
                        GoTime.utc(T0),
                        "FinishedAt",
                        GoTime.utc(T0.plusSeconds(2).plusNanos(6)),
                        "Value",
                        "0.99",
                        "Metadata",
                        Map.of("q", "up")),
                Map.of(
                        "Phase",
                        "Running",
                        "StartedAt",
                        GoTime.at(T0, plus2),
                        "ResumeAt",
                        GoTime.at(T0.plusSeconds(60), plus2),
                        "Metadata",
                        Map.of("job", "canary-judge-42")),
                Map.of(
                        "Phase",
                        "Error",
                        "Message",
                        "prometheus: connection refused",
                        "StartedAt",
                        GoTime.at(T0, odd),
                        "FinishedAt",
                        GoTime.at(T0.plusSeconds(1), odd)));
    }

    private static byte[] measurements(GobEncoder encoder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        measurementValues().forEach(m -> out.writeBytes(encoder.encode(Golden.MEASUREMENT, m)));
        return out.toByteArray();
    }

    private static byte[] allKinds(GobEncoder encoder) {
        GobType.Struct inner =
                GobType.struct("main.Inner", field("Name", GobType.STRING), field("Score", GobType.FLOAT64));
        GobType.Struct kinds = GobType.struct(
                "main.AllKinds",
                field("Bool", GobType.BOOL),
                field("Int", GobType.INT),
                field("Int8", GobType.INT8),
                field("Uint64", GobType.UINT64),
                field("Float32", GobType.FLOAT32),
                field("Float64", GobType.FLOAT64),
                field("Complex", GobType.COMPLEX128),
                field("String", GobType.STRING),
                field("Bytes", GobType.BYTES),
                field("Array", GobType.array(GobType.INT32, 3)),
                field("Slice", GobType.slice(GobType.STRING)),
                field("Map", GobType.map(GobType.STRING, GobType.INT)),
                field("EmptyMap", Golden.STRING_MAP),
                field("NilMap", Golden.STRING_MAP),
                field("Ptr", GobType.pointerTo(GobType.INT64)),
                field("Nested", inner),
                field("NestedPtr", GobType.pointerTo(inner)),
                field("Nodes", GobType.slice(inner)),
                field("Iface", GobType.INTERFACE),
                field("Ifaces", GobType.slice(GobType.INTERFACE)),
                field("NilIface", GobType.INTERFACE),
                field("Gob", GobType.gobEncoder("main.GobThing")),
                field("Bin", GobType.pointerTo(GobType.binaryMarshaler("main.BinThing"))),
                field("Zero", inner));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Bool", true);
        v.put("Int", -129);
        v.put("Int8", -8);
        v.put("Uint64", -1L);
        v.put("Float32", 0.5f);
        v.put("Float64", 17.0);
        v.put("Complex", new GobComplex(1, -2));
        v.put("String", "héllo");
        v.put("Bytes", new byte[] {0, 1, 2, (byte) 255});
        v.put("Array", List.of(1, 0, -1));
        v.put("Slice", List.of("a", "", "c"));
        v.put("Map", Map.of("one", 1));
        v.put("EmptyMap", Map.of());
        v.put("Ptr", 64);
        v.put("Nested", Map.of("Name", "n", "Score", 1.5));
        v.put("NestedPtr", Map.of("Name", "p"));
        v.put("Nodes", List.of(Map.of("Name", "x"), Map.of()));
        v.put("Iface", new GobInterface("Inner", inner, Map.of("Name", "i", "Score", -0.25)));
        v.put(
                "Ifaces",
                Arrays.asList(
                        new GobInterface("string", GobType.STRING, "s"),
                        new GobInterface("Inner", inner, Map.of("Name", "j")),
                        null));
        v.put("Gob", "gob:g".getBytes(StandardCharsets.UTF_8));
        v.put("Bin", "bin:b".getBytes(StandardCharsets.UTF_8));
        v.put("Zero", Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encoder.encode(kinds, v));
        out.writeBytes(encoder.encode(kinds, Map.of("Array", List.of(0, 0, 0), "Nested", Map.of(), "Zero", Map.of())));
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return Bytes.hex(bytes);
    }
}
