package io.voyager.rollouts.goplugin.gob;

import static io.voyager.rollouts.goplugin.gob.GobType.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GobEncoderTest {

    private static final GobType.Struct RPC_ERROR = GobType.struct("RpcError", field("ErrorString", GobType.STRING));
    private static final GobType.Struct ARGS =
            GobType.struct("GetMetadataArgs", field("Metric", GobType.struct("Metric", field("Name", GobType.STRING))));

    @Test
    void definitionsAreSentOncePerStream() {
        GobEncoder encoder = new GobEncoder();

        byte[] first = encoder.encode(RPC_ERROR, Map.of());
        byte[] second = encoder.encode(RPC_ERROR, Map.of());

        assertThat(Bytes.hex(first))
                .isEqualTo(
                        Bytes.hex(
                                Bytes.of(
                                        "26 ff 81 03 01 01 08 \"RpcError\" 01 ff 82 00 01 01 01 0b \"ErrorString\" 01 0c 00 00 00 03 ff 82 00")));
        assertThat(Bytes.hex(second)).isEqualTo("03 ff 82 00");
    }

    @Test
    void sameGoTypeBuiltTwiceGetsOneId() {
        GobEncoder encoder = new GobEncoder();
        encoder.encode(RPC_ERROR, Map.of());

        byte[] again = encoder.encode(GobType.struct("RpcError", field("ErrorString", GobType.STRING)), Map.of());

        assertThat(Bytes.hex(again)).isEqualTo("03 ff 82 00");
    }

    @Test
    void aFailedEncodeLeavesTheStreamAsItWas() throws IOException {
        GobEncoder encoder = new GobEncoder();
        Map<String, Object> typo = Map.of("ErrorStrin", "x");

        assertThatThrownBy(() -> encoder.encode(RPC_ERROR, typo))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("no field ErrorStrin");
        byte[] ok = encoder.encode(RPC_ERROR, Map.of("ErrorString", "x"));

        assertThat(new GobDecoder().decodeValue(new ByteArrayInputStream(ok)))
                .isEqualTo(new GobStruct("RpcError", Map.of("ErrorString", "x")));
    }

    @Test
    void zeroFieldsAreOmittedButPresentStructsAndMapsAreSent() throws IOException {
        GobType.Struct inner = GobType.struct("Inner", field("N", GobType.INT));
        GobType.Struct outer = GobType.struct(
                "Outer",
                field("S", GobType.STRING),
                field("B", GobType.BOOL),
                field("F", GobType.FLOAT64),
                field("L", GobType.slice(GobType.STRING)),
                field("I", inner),
                field("M", GobType.map(GobType.STRING, GobType.STRING)),
                field("Any", GobType.INTERFACE));
        Map<String, Object> value = new HashMap<>();
        value.put("S", "");
        value.put("B", false);
        value.put("F", -0.0);
        value.put("L", List.of());
        value.put("I", Map.of());
        value.put("M", Map.of());
        value.put("Any", null);

        GobStruct decoded = (GobStruct)
                new GobDecoder().decodeValue(new ByteArrayInputStream(new GobEncoder().encode(outer, value)));

        assertThat(decoded.fields().keySet()).containsExactly("I", "M");
    }

    @Test
    void unsignedValuesUseTheFullSixtyFourBits() throws IOException {
        GobEncoder encoder = new GobEncoder();
        byte[] max = encoder.encode(GobType.UINT64, new BigInteger("18446744073709551615"));

        assertThat(Bytes.hex(max)).isEqualTo("0b 06 00 f8 ff ff ff ff ff ff ff ff");
        assertThat(encoder.encode(GobType.UINT64, -1L)).isEqualTo(max);
        assertThatThrownBy(() -> encoder.encode(GobType.UINT64, -1)).isInstanceOf(GobException.class);
        assertThatThrownBy(() -> encoder.encode(GobType.UINT64, BigInteger.TWO.pow(64)))
                .isInstanceOf(GobException.class);
    }

    @Test
    void interfaceArgumentsRoundTrip() throws IOException {
        GobEncoder encoder = new GobEncoder();
        GobInterface args = new GobInterface("GetMetadataArgs", ARGS, Map.of("Metric", Map.of("Name", "m")));
        GobDecoder decoder = new GobDecoder();
        InputStream first = new ByteArrayInputStream(encoder.encode(GobType.INTERFACE, args));
        byte[] secondBytes = encoder.encode(GobType.INTERFACE, args);

        GobInterface decoded = (GobInterface) decoder.decodeValue(first);
        GobInterface again = (GobInterface) decoder.decodeValue(new ByteArrayInputStream(secondBytes));

        assertThat(decoded.concreteTypeName()).isEqualTo("GetMetadataArgs");
        assertThat(decoded.concreteType())
                .isEqualTo(GobType.struct(
                        "GetMetadataArgs", field("Metric", GobType.struct("Metric", field("Name", GobType.STRING)))));
        assertThat(again.value()).isEqualTo(decoded.value());
        assertThat(secondBytes[0]).as("known types: one message").isEqualTo((byte) (secondBytes.length - 1));
    }

    @Test
    void nilInterfaceIsTheEmptyName() {
        assertThat(Bytes.hex(new GobEncoder().encode(GobType.INTERFACE, null))).isEqualTo("03 10 00 00");
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRejected() {
        GobEncoder encoder = new GobEncoder();

        assertThatThrownBy(() -> encoder.encode(GobType.array(GobType.INT, 2), List.of(1)))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("needs 2 elements");
        assertThatThrownBy(() -> encoder.encode(GobType.STRING, 42)).isInstanceOf(GobException.class);
        assertThatThrownBy(() -> encoder.encode(GobType.INT, 1.5)).isInstanceOf(GobException.class);
        assertThatThrownBy(() -> encoder.encode(RPC_ERROR, null)).isInstanceOf(GobException.class);
        assertThatThrownBy(() -> encoder.encode(GobType.slice(GobType.STRING), java.util.Arrays.asList("a", null)))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("nil element");
    }

    @Test
    void recursiveTypesCanBeDescribed() throws IOException {
        GobType.Struct node = GobType.recursiveStruct("Node");
        node.define(field("Name", GobType.STRING), field("Children", GobType.slice(node)));
        Map<String, Object> tree = Map.of("Name", "root", "Children", List.of(Map.of("Name", "leaf")));

        GobStruct decoded =
                (GobStruct) new GobDecoder().decodeValue(new ByteArrayInputStream(new GobEncoder().encode(node, tree)));

        assertThat(((GobStruct) decoded.list("Children").get(0)).string("Name")).isEqualTo("leaf");
    }
}
