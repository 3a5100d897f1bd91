package io.voyager.rollouts.goplugin.gob;

import static io.voyager.rollouts.goplugin.gob.GobType.field;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The golden streams written by Go (see src/test/resources/golden/README.md) and the Go types behind them. */
final class Golden {

    static final String[] FILES = {
        "string.gob",
        "map-string-string.gob",
        "rpc-error.gob",
        "measurement.gob",
        "plugin-stream-requests.gob",
        "resume-first-requests.gob",
        "plugin-stream-replies.gob",
        "all-kinds.gob"
    };

    static final GobType.Struct REQUEST =
            GobType.struct("rpc.Request", field("ServiceMethod", GobType.STRING), field("Seq", GobType.UINT64));
    static final GobType.Struct RESPONSE = GobType.struct(
            "rpc.Response",
            field("ServiceMethod", GobType.STRING),
            field("Seq", GobType.UINT64),
            field("Error", GobType.STRING));
    static final GobType.Struct RPC_ERROR = GobType.struct("main.RpcError", field("ErrorString", GobType.STRING));
    static final GobType.MapType STRING_MAP = GobType.map(GobType.STRING, GobType.STRING);
    static final GobType TIME_POINTER = GobType.pointerTo(GobType.METAV1_TIME);
    static final GobType.Struct MEASUREMENT = GobType.struct(
            "v1alpha1.Measurement",
            field("Phase", GobType.named("v1alpha1.AnalysisPhase", GobType.STRING)),
            field("Message", GobType.STRING),
            field("StartedAt", TIME_POINTER),
            field("FinishedAt", TIME_POINTER),
            field("Value", GobType.STRING),
            field("Metadata", STRING_MAP),
            field("ResumeAt", TIME_POINTER));
    /** net/rpc's reply body for a failed call: an empty anonymous struct. */
    static final GobType.Struct INVALID_REQUEST = GobType.struct("");

    private Golden() {}

    static byte[] bytes(String name) {
        return io.voyager.rollouts.goplugin.testsupport.Golden.bytes(name);
    }

    /** Every value of a golden stream, decoded with one decoder. */
    static List<GobValue> decodeAll(String name) throws IOException {
        return decodeAll(new GobDecoder(), bytes(name));
    }

    /** Bytes taken by the first {@code count} values of a stream. */
    static int lengthOfValues(byte[] stream, int count) throws IOException {
        GobDecoder decoder = new GobDecoder();
        InputStream in = new ByteArrayInputStream(stream);
        for (int i = 0; i < count; i++) {
            decoder.decode(in);
        }
        return (int) decoder.offset();
    }

    static List<GobValue> decodeAll(GobDecoder decoder, byte[] stream) throws IOException {
        InputStream in = new ByteArrayInputStream(stream);
        List<GobValue> values = new ArrayList<>();
        while (in.available() > 0) {
            values.add(decoder.decode(in));
        }
        return values;
    }
}
