package io.voyager.rollouts.goplugin.gob;

import static io.voyager.rollouts.goplugin.gob.GobType.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte-level exchanges checked in both directions: plugin replies written by hand and accepted by Go's net/rpc
 * client (definitions before use, dependencies first), and a transcript of Go's net/rpc client and server.
 */
class SpecExamplesTest {

    private static final GobType.Struct RESPONSE = GobType.struct(
            "Response",
            field("ServiceMethod", GobType.STRING),
            field("Seq", GobType.UINT64),
            field("Error", GobType.STRING));
    private static final GobType.Struct RPC_ERROR = GobType.struct("RpcError", field("ErrorString", GobType.STRING));
    private static final GobType.Opaque TIME = GobType.gobEncoder("Time");
    private static final GobType.MapType STRING_MAP = GobType.map(GobType.STRING, GobType.STRING);
    private static final GobType.Struct MEASUREMENT = GobType.struct(
            "Measurement",
            field("Phase", GobType.STRING),
            field("Message", GobType.STRING),
            field("StartedAt", TIME),
            field("FinishedAt", TIME),
            field("Value", GobType.STRING),
            field("Metadata", STRING_MAP),
            field("ResumeAt", TIME));

    @Test
    void stringReplyIsASingletonString() throws IOException {
        byte[] wire = Bytes.of("0c 0c 00 09 \"RPCPlugin\"");

        assertThat(new GobDecoder().decodeValue(in(wire))).isEqualTo("RPCPlugin");
        assertThat(new GobEncoder().encode(GobType.STRING, "RPCPlugin")).isEqualTo(wire);
    }

    @Test
    void rpcErrorIsDefinedOnFirstUseWithTheNextFreeId() throws IOException {
        byte[] wire = Bytes.of("""
        26 ff 85 03 01 01 08 "RpcError" 01 ff 86 00 01 01 01 0b "ErrorString" 01 0c 00 00 00
        09 ff 86 01 04 "boom" 00
        03 ff 86 00""");
        GobTypeRegistry ids = new GobTypeRegistry();
        ids.typeInfo(RESPONSE);
        ids.typeInfo(GobType.struct("Empty"));
        GobEncoder encoder = new GobEncoder(ids, GobEncoder.DefinitionOrder.GO);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(out, RPC_ERROR, Map.of("ErrorString", "boom"));
        encoder.encode(out, RPC_ERROR, Map.of());

        assertThat(Bytes.hex(out.toByteArray())).isEqualTo(Bytes.hex(wire));
        GobDecoder decoder = new GobDecoder();
        InputStream stream = in(wire);
        assertThat(decoder.decodeValue(stream)).isEqualTo(new GobStruct("RpcError", Map.of("ErrorString", "boom")));
        assertThat(decoder.decodeValue(stream)).isEqualTo(new GobStruct("RpcError", Map.of()));
    }

    @Test
    void handWrittenPluginRepliesRoundTrip() throws IOException {
        byte[] wire = Bytes.of(A3_REPLIES);
        GobEncoder encoder = new GobEncoder(new GobTypeRegistry(), GobEncoder.DefinitionOrder.DEPENDENCIES_FIRST);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GobType empty = GobType.struct("Empty");

        encoder.encode(out, RESPONSE, header("Dispenser.Dispense", 0, ""));
        encoder.encode(out, GobType.UINT32, 1);
        encoder.encode(out, RESPONSE, header("Control.Ping", 1, ""));
        encoder.encode(out, empty, Map.of());
        encoder.encode(out, RESPONSE, header("Plugin.InitPlugin", 2, ""));
        encoder.encode(out, RPC_ERROR, Map.of());
        encoder.encode(out, RESPONSE, header("Plugin.Run", 3, ""));
        encoder.encode(
                out,
                MEASUREMENT,
                Map.of(
                        "Phase", "Successful",
                        "StartedAt", GoTime.utc(Instant.parse("2024-01-02T03:04:05Z")),
                        "FinishedAt", GoTime.marshalBinary(Instant.parse("2024-01-02T03:04:07Z"), -1),
                        "Value", "0.99",
                        "Metadata", Map.of("q", "up")));
        encoder.encode(out, RESPONSE, header("Plugin.Type", 4, ""));
        encoder.encode(out, GobType.STRING, "RPCPlugin");
        encoder.encode(out, RESPONSE, header("Plugin.GetMetadata", 5, ""));
        encoder.encode(out, STRING_MAP, Map.of("k", "v"));
        encoder.encode(out, RESPONSE, header("Plugin.Bogus", 6, "rpc: can't find method Plugin.Bogus"));
        encoder.encode(out, empty, Map.of());
        encoder.encode(out, RESPONSE, header("Plugin.Type", 8, ""));
        encoder.encode(out, GobType.STRING, "second");
        encoder.encode(out, RESPONSE, header("Plugin.Type", 7, ""));
        encoder.encode(out, GobType.STRING, "first");

        assertThat(Bytes.hex(out.toByteArray())).isEqualTo(Bytes.hex(wire));

        List<Object> decoded = decodeAll(new GobDecoder(), wire);
        assertThat(decoded).hasSize(18);
        assertThat(decoded.get(1)).isEqualTo(1L);
        GobStruct run = (GobStruct) decoded.get(7);
        assertThat(run.typeName()).isEqualTo("Measurement");
        assertThat(run.string("Phase")).isEqualTo("Successful");
        assertThat(run.opaque("StartedAt").asTime().instant()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(run.opaque("FinishedAt").asTime().utc()).isTrue();
        assertThat(run.map("Metadata")).containsExactly(Map.entry("q", "up"));
        assertThat(run.has("Message")).isFalse();
        assertThat(((GobStruct) decoded.get(12)).string("Error")).isEqualTo("rpc: can't find method Plugin.Bogus");
        assertThat(decoded.get(15)).isEqualTo("second");
    }

    @Test
    void goNetRpcTranscriptDecodesAndReEncodesByteForByte() throws IOException {
        // One Go process served both sides, so type ids are shared: one registry, one encoder per stream direction.
        GobTypeRegistry process = new GobTypeRegistry();
        GobEncoder clientControl = new GobEncoder(process, GobEncoder.DefinitionOrder.GO);
        GobEncoder serverControl = new GobEncoder(process, GobEncoder.DefinitionOrder.GO);
        GobEncoder clientPlugin = new GobEncoder(process, GobEncoder.DefinitionOrder.GO);
        GobEncoder serverPlugin = new GobEncoder(process, GobEncoder.DefinitionOrder.GO);
        GobDecoder fromClientControl = new GobDecoder();
        GobDecoder fromServerControl = new GobDecoder();
        GobDecoder fromClientPlugin = new GobDecoder();
        GobDecoder fromServerPlugin = new GobDecoder();

        List<GobValue> dispense = roundTrip(A2_CLIENT_DISPENSE, fromClientControl, clientControl);
        roundTrip(A2_SERVER_DISPENSE, fromServerControl, serverControl);
        roundTrip(A2_CLIENT_PING, fromClientControl, clientControl);
        List<GobValue> pong = roundTrip(A2_SERVER_PING, fromServerControl, serverControl);
        List<GobValue> init = roundTrip(A2_CLIENT_INIT, fromClientPlugin, clientPlugin);
        roundTrip(A2_SERVER_INIT, fromServerPlugin, serverPlugin);
        roundTrip(A2_CLIENT_TYPE, fromClientPlugin, clientPlugin);
        roundTrip(A2_SERVER_TYPE, fromServerPlugin, serverPlugin);
        List<GobValue> metadata = roundTrip(A2_CLIENT_METADATA, fromClientPlugin, clientPlugin);
        List<GobValue> metadataReply = roundTrip(A2_SERVER_METADATA, fromServerPlugin, serverPlugin);
        roundTrip(A2_CLIENT_GC, fromClientPlugin, clientPlugin);
        List<GobValue> gcReply = roundTrip(A2_SERVER_GC, fromServerPlugin, serverPlugin);
        roundTrip(A2_CLIENT_NOPE, fromClientPlugin, clientPlugin);
        roundTrip(A2_SERVER_NOPE, fromServerPlugin, serverPlugin);

        assertThat(dispense.get(0).value())
                .isEqualTo(new GobStruct("Request", Map.of("ServiceMethod", "Dispenser.Dispense")));
        assertThat(dispense.get(1).value()).isEqualTo("RpcMetricProviderPlugin");
        assertThat(pong.get(1).value()).isEqualTo(new GobStruct("", Map.of()));
        assertThat(init.get(1).value()).isNull();
        GobInterface args = (GobInterface) metadata.get(1).value();
        assertThat(args.concreteTypeName()).isEqualTo("GetMetadataArgs");
        assertThat(((GobStruct) args.value()).struct("Metric").string("Name")).isEqualTo("m");
        assertThat(metadataReply.get(1).value()).isEqualTo(Map.of("ResolvedQuery", "up"));
        assertThat(((GobStruct) gcReply.get(0).value()).string("Error")).isEqualTo("gc failed");
    }

    private static Map<String, Object> header(String method, long seq, String error) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ServiceMethod", method);
        h.put("Seq", seq);
        h.put("Error", error);
        return h;
    }

    /** Decodes every value of one write, checks that re-encoding reproduces it, and returns the values. */
    private static List<GobValue> roundTrip(String notation, GobDecoder decoder, GobEncoder encoder)
            throws IOException {
        byte[] wire = Bytes.of(notation);
        InputStream stream = in(wire);
        List<GobValue> values = new ArrayList<>();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        while (stream.available() > 0) {
            GobValue v = decoder.decode(stream);
            values.add(v);
            encoder.encode(again, v.type(), v.value());
        }
        assertThat(Bytes.hex(again.toByteArray())).as("re-encoded %s", notation).isEqualTo(Bytes.hex(wire));
        return values;
    }

    private static List<Object> decodeAll(GobDecoder decoder, byte[] wire) throws IOException {
        InputStream stream = in(wire);
        List<Object> values = new ArrayList<>();
        while (stream.available() > 0) {
            values.add(decoder.decodeValue(stream));
        }
        return values;
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static final String A3_REPLIES = """
      3a ff 81 03 01 01 08 "Response" 01 ff 82 00 01 03 01 0d "ServiceMethod" 01 0c 00 01 03 "Seq" 01 06 00
      01 05 "Error" 01 0c 00 00 00 17 ff 82 01 12 "Dispenser.Dispense" 00 03 06 00 01
      13 ff 82 01 0c "Control.Ping" 01 01 00 11 ff 83 03 01 01 05 "Empty" 01 ff 84 00 00 00 03 ff 84 00
      18 ff 82 01 11 "Plugin.InitPlugin" 01 02 00 26 ff 85 03 01 01 08 "RpcError" 01 ff 86 00 01 01 01 0b
      "ErrorString" 01 0c 00 00 00 03 ff 86 00
      11 ff 82 01 0a "Plugin.Run" 01 03 00
      10 ff 89 05 01 01 04 "Time" 01 ff 8a 00 00 00
      21 ff 8b 04 01 01 11 "map[string]string" 01 ff 8c 00 01 0c 01 0c 00 00
      74 ff 87 03 01 01 0b "Measurement" 01 ff 88 00 01 07 01 05 "Phase" 01 0c 00 01 07 "Message" 01 0c 00
      01 09 "StartedAt" 01 ff 8a 00 01 0a "FinishedAt" 01 ff 8a 00 01 05 "Value" 01 0c 00 01 08 "Metadata"
      01 ff 8c 00 01 08 "ResumeAt" 01 ff 8a 00 00 00
      3e ff 88 01 0a "Successful" 02 0f 01 00 00 00 0e dd 25 74 25 00 00 00 00 ff ff
      01 0f 01 00 00 00 0e dd 25 74 27 00 00 00 00 ff ff 01 04 "0.99" 01 01 01 "q" 02 "up" 00
      12 ff 82 01 0b "Plugin.Type" 01 04 00 0c 0c 00 09 "RPCPlugin"
      19 ff 82 01 12 "Plugin.GetMetadata" 01 05 00 08 ff 8c 00 01 01 "k" 01 "v"
      38 ff 82 01 0c "Plugin.Bogus" 01 06 01 23 "rpc: can't find method Plugin.Bogus" 00 03 ff 84 00
      12 ff 82 01 0b "Plugin.Type" 01 08 00 09 0c 00 06 "second"
      12 ff 82 01 0b "Plugin.Type" 01 07 00 08 0c 00 05 "first"
      """;

    static final String A2_CLIENT_DISPENSE = """
      2f ff 81 03 01 01 07 "Request" 01 ff 82 00 01 02 01 0d "ServiceMethod" 01 0c 00 01 03 "Seq" 01 06 00 00 00
      17 ff 82 01 12 "Dispenser.Dispense" 00 1a 0c 00 17 "RpcMetricProviderPlugin"
      """;
    static final String A2_SERVER_DISPENSE = """
      3a ff 83 03 01 01 08 "Response" 01 ff 84 00 01 03 01 0d "ServiceMethod" 01 0c 00 01 03 "Seq" 01 06 00
      01 05 "Error" 01 0c 00 00 00 17 ff 84 01 12 "Dispenser.Dispense" 00 03 06 00 01
      """;
    static final String A2_CLIENT_PING = "13 ff 82 01 0c \"Control.Ping\" 01 01 00 03 02 00 01";
    static final String A2_SERVER_PING =
            "13 ff 84 01 0c \"Control.Ping\" 01 01 00 0a ff 85 03 01 02 ff 86 00 00 00 03 ff 86 00";
    static final String A2_CLIENT_INIT = """
      2f ff 81 03 01 01 07 "Request" 01 ff 82 00 01 02 01 0d "ServiceMethod" 01 0c 00 01 03 "Seq" 01 06 00 00 00
      16 ff 82 01 11 "Plugin.InitPlugin" 00 03 10 00 00
      """;
    static final String A2_SERVER_INIT = """
      3a ff 83 03 01 01 08 "Response" 01 ff 84 00 01 03 01 0d "ServiceMethod" 01 0c 00 01 03 "Seq" 01 06 00
      01 05 "Error" 01 0c 00 00 00 16 ff 84 01 11 "Plugin.InitPlugin" 00
      26 ff 87 03 01 01 08 "RpcError" 01 ff 88 00 01 01 01 0b "ErrorString" 01 0c 00 00 00 03 ff 88 00
      """;
    static final String A2_CLIENT_TYPE = "12 ff 82 01 0b \"Plugin.Type\" 01 01 00 03 10 00 00";
    static final String A2_SERVER_TYPE = "12 ff 84 01 0b \"Plugin.Type\" 01 01 00 0c 0c 00 09 \"RPCPlugin\"";
    static final String A2_CLIENT_METADATA = """
      19 ff 82 01 12 "Plugin.GetMetadata" 01 02 00
      3b 10 00 0f "GetMetadataArgs" ff 89 03 01 01 0f "GetMetadataArgs" 01 ff 8a 00 01 01 01 06 "Metric"
      01 ff 8c 00 00 00
      1d ff 8b 03 01 01 06 "Metric" 01 ff 8c 00 01 01 01 04 "Name" 01 0c 00 00 00
      09 ff 8a 06 01 01 01 6d 00 00
      """;
    static final String A2_SERVER_METADATA = """
      19 ff 84 01 12 "Plugin.GetMetadata" 01 02 00
      0e ff 8d 04 01 02 ff 8e 00 01 0c 01 0c 00 00 15 ff 8e 00 01 0d "ResolvedQuery" 02 "up"
      """;
    static final String A2_CLIENT_GC = "1c ff 82 01 15 \"Plugin.GarbageCollect\" 01 03 00 03 10 00 00";
    static final String A2_SERVER_GC = """
      27 ff 84 01 15 "Plugin.GarbageCollect" 01 03 01 09 "gc failed" 00
      0a ff 85 03 01 02 ff 86 00 00 00 03 ff 86 00
      """;
    static final String A2_CLIENT_NOPE = "12 ff 82 01 0b \"Plugin.Nope\" 01 04 00 04 0c 00 01 78";
    static final String A2_SERVER_NOPE =
            "36 ff 84 01 0b \"Plugin.Nope\" 01 04 01 22 \"rpc: can't find method Plugin.Nope\" 00 03 ff 86 00";
}
