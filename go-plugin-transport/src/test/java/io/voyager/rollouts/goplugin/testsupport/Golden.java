package io.voyager.rollouts.goplugin.testsupport;

import io.voyager.rollouts.goplugin.gob.GobDecoder;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobValue;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The golden net/rpc streams captured from Go (see src/test/resources/golden/README.md). */
public final class Golden {
    private Golden() {}

    /** One net/rpc message: a Request or Response header and the body after it. */
    public record Exchange(GobStruct header, GobValue body) {
        public String serviceMethod() {
            return header.string("ServiceMethod");
        }

        public long seq() {
            return header.integer("Seq");
        }

        public String error() {
            return header.string("Error");
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every header/body pair of a stream, decoded with one decoder as net/rpc does. */
    public static List<Exchange> exchanges(byte[] stream) throws IOException {
        return exchanges(new ByteArrayInputStream(stream));
    }

    /** The first {@code count} header/body pairs of a live stream. */
    public static List<Exchange> exchanges(InputStream in, int count) throws IOException {
        GobDecoder decoder = new GobDecoder();
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GobStruct header = (GobStruct) decoder.decodeValue(in);
            exchanges.add(new Exchange(header, decoder.decode(in)));
        }
        return exchanges;
    }

    public static List<Exchange> exchanges(InputStream in) throws IOException {
        GobDecoder decoder = new GobDecoder();
        List<Exchange> exchanges = new ArrayList<>();
        while (true) {
            GobValue header;
            try {
                header = decoder.decode(in);
            } catch (EOFException end) {
                return exchanges;
            }
            exchanges.add(new Exchange((GobStruct) header.value(), decoder.decode(in)));
        }
    }
}
