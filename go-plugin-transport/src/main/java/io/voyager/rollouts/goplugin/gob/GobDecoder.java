package io.voyager.rollouts.goplugin.gob;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the values of one gob stream (one direction of one connection), driven by the type definitions
 * the sender puts on the wire. Definitions are sent once per stream and remembered here, so use one decoder
 * per stream for its whole life. Not thread-safe.
 *
 * <p>Values come back as generic Java objects:
 * <ul>
 *   <li>struct → {@link GobStruct} (fields absent from the wire were Go zero values)</li>
 *   <li>map → {@code LinkedHashMap<Object,Object>}; slice, array → {@code List<Object>}; {@code []byte} →
 *       {@code byte[]}; string → {@code String}</li>
 *   <li>any signed integer → {@code Long}; any unsigned integer → {@code Long}, or {@code BigInteger} when it is
 *       above {@code Long.MAX_VALUE}; float → {@code Double}; bool → {@code Boolean}; complex →
 *       {@link GobComplex}</li>
 *   <li>interface → {@link GobInterface}, nil interface → {@code null}</li>
 *   <li>GobEncoder / BinaryMarshaler / TextMarshaler types (e.g. {@code metav1.Time}) → {@link GobOpaque}</li>
 * </ul>
 *
 * <p>Corrupt, truncated or over-limit input throws {@link GobException}; the stream is then unusable.
 */
public final class GobDecoder {

    private static final int FIRST_USER_ID = 64;

    private final GobLimits limits;
    private final MessageReader reader;
    private final Map<Integer, WireType> definitions = new HashMap<>();
    private final WireTypeConverter types;
    private InputStream in;
    private MessageBuffer buf = MessageBuffer.empty(0);

    public GobDecoder() {
        this(GobLimits.DEFAULT);
    }

    public GobDecoder(GobLimits limits) {
        this.limits = limits;
        this.reader = new MessageReader(limits.maxMessageBytes());
        this.types = new WireTypeConverter(definitions, limits.maxDepth());
    }

    /**
     * Reads messages until one complete value, recording any type definitions that precede it.
     *
     * @throws EOFException if the stream ends cleanly before the first byte of a value
     * @throws GobException on corrupt, truncated or over-limit input
     */
    public GobValue decode(InputStream stream) throws IOException {
        in = stream;
        buf = MessageBuffer.empty(reader.offset());
        int id = typeSequence(false);
        Object value = topLevelValue(id, 0);
        // Like Go's Decoder, bytes left in the message after a value are dropped.
        buf = MessageBuffer.empty(reader.offset());
        return new GobValue(typeOf(id), value);
    }

    /** {@link #decode} without the type. */
    public Object decodeValue(InputStream stream) throws IOException {
        return decode(stream).value();
    }

    /** Reads and discards one value, still recording the type definitions sent with it. */
    public void skipValue(InputStream stream) throws IOException {
        decode(stream);
    }

    /**
     * Whether another message follows, without consuming it. The stream must support mark/reset.
     * Blocks until a byte or the end of the stream arrives.
     */
    public boolean hasMore(InputStream stream) throws IOException {
        if (!stream.markSupported()) {
            throw new IllegalArgumentException("hasMore needs a stream that supports mark/reset");
        }
        stream.mark(1);
        int b = stream.read();
        stream.reset();
        return b >= 0;
    }

    /** Bytes consumed from the stream so far. */
    public long offset() {
        return reader.offset();
    }

    /** Number of type definitions received on this stream. */
    public int definitionCount() {
        return definitions.size();
    }

    /** Go's decodeTypeSequence: definitions until a value's type id. */
    private int typeSequence(boolean insideInterface) throws IOException {
        boolean firstMessage = true;
        while (true) {
            if (buf.remaining() == 0) {
                try {
                    buf = reader.next(in);
                } catch (EOFException e) {
                    if (firstMessage && !insideInterface) {
                        throw e;
                    }
                    throw new GobException("gob: unexpected EOF after type definitions", reader.offset());
                }
                if (buf.remaining() == 0) {
                    throw buf.error("empty message");
                }
            }
            long id = buf.readInt();
            if (id >= 0) {
                if (id > Integer.MAX_VALUE) {
                    throw buf.error("type id out of range: " + id);
                }
                return (int) id;
            }
            define(-id);
            if (buf.remaining() > 0) {
                if (!insideInterface) {
                    throw buf.error("extra data in buffer after a type definition");
                }
                buf.readUint(); // length of the next definition nested in this message
            }
            firstMessage = false;
        }
    }

    private void define(long id) {
        if (id < FIRST_USER_ID || id > Integer.MAX_VALUE) {
            throw buf.error("type definition with invalid id " + id);
        }
        if (definitions.containsKey((int) id)) {
            throw buf.error("duplicate type received: " + id);
        }
        if (definitions.size() >= limits.maxTypeDefinitions()) {
            throw buf.error("more than " + limits.maxTypeDefinitions() + " type definitions on one stream");
        }
        definitions.put((int) id, WireTypeReader.read(buf));
    }

    private GobType typeOf(int id) {
        try {
            return types.convert(id);
        } catch (IllegalStateException e) {
            throw buf.error(e.getMessage());
        }
    }

    /** A value as sent at top level or inside an interface: struct fields directly, anything else after 00. */
    private Object topLevelValue(int id, int depth) throws IOException {
        if (definitions.get(id) instanceof WireType.StructDef struct) {
            return struct(struct, depth);
        }
        if (buf.readUint() != 0) {
            throw buf.error("corrupted data: non-zero delta for singleton");
        }
        return value(id, depth);
    }

    private Object value(int id, int depth) throws IOException {
        if (depth > limits.maxDepth()) {
            throw buf.error("values nested deeper than " + limits.maxDepth());
        }
        switch (id) {
            case GobType.BOOL_ID:
                return buf.readUint() != 0;
            case GobType.INT_ID:
                return buf.readInt();
            case GobType.UINT_ID:
                long u = buf.readUint();
                return u >= 0 ? (Object) u : new BigInteger(Long.toUnsignedString(u));
            case GobType.FLOAT_ID:
                return buf.readFloat();
            case GobType.BYTES_ID:
                return buf.readBytes(length("byte slice"));
            case GobType.STRING_ID:
                return buf.readString(length("string"));
            case GobType.COMPLEX_ID:
                return new GobComplex(buf.readFloat(), buf.readFloat());
            case GobType.INTERFACE_ID:
                return iface(depth);
            default:
                break;
        }
        WireType wire = definitions.get(id);
        if (wire == null) {
            throw buf.error("unknown type id " + id);
        }
        if (wire instanceof WireType.StructDef struct) {
            return struct(struct, depth);
        }
        if (wire instanceof WireType.SliceDef slice) {
            return list(slice.elemId(), collectionLength(), depth);
        }
        if (wire instanceof WireType.ArrayDef array) {
            int n = collectionLength();
            if (n != array.length()) {
                throw buf.error("length mismatch in array: " + n + " != " + array.length());
            }
            return list(array.elemId(), n, depth);
        }
        if (wire instanceof WireType.MapDef map) {
            return map(map, depth);
        }
        WireType.OpaqueDef opaque = (WireType.OpaqueDef) wire;
        return new GobOpaque(opaque.name(), buf.readBytes(length("encoded " + opaque.name())));
    }

    private GobStruct struct(WireType.StructDef def, int depth) throws IOException {
        if (depth > limits.maxDepth()) {
            throw buf.error("values nested deeper than " + limits.maxDepth());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        int field = -1;
        while (true) {
            long delta = buf.readUint();
            if (delta == 0) {
                break;
            }
            if (delta < 0 || delta >= def.fields().size() - field) {
                throw buf.error("field number out of range in " + def.name());
            }
            field += (int) delta;
            WireType.Field f = def.fields().get(field);
            fields.put(f.name(), value(f.typeId(), depth + 1));
        }
        return new GobStruct(def.name(), fields);
    }

    private List<Object> list(int elemId, int n, int depth) throws IOException {
        List<Object> out = new ArrayList<>(Math.min(n, buf.remaining()));
        for (int i = 0; i < n; i++) {
            out.add(value(elemId, depth + 1));
        }
        return out;
    }

    private Map<Object, Object> map(WireType.MapDef def, int depth) throws IOException {
        int n = collectionLength();
        Map<Object, Object> out = new LinkedHashMap<>(Math.min(n, buf.remaining()));
        for (int i = 0; i < n; i++) {
            Object key = value(def.keyId(), depth + 1);
            out.put(key, value(def.elemId(), depth + 1));
        }
        return out;
    }

    private GobInterface iface(int depth) throws IOException {
        int nameLength = length("interface type name");
        if (nameLength == 0) {
            return null;
        }
        String name = buf.readString(nameLength);
        int concreteId = typeSequence(true);
        buf.readUint(); // byte count of the value; only needed to skip it
        Object value = topLevelValue(concreteId, depth + 1);
        return new GobInterface(name, typeOf(concreteId), value);
    }

    private int length(String what) {
        int n = buf.readLength(what);
        if (n > limits.maxCollectionLength()) {
            throw buf.error(what + " of " + n + " bytes exceeds the limit of " + limits.maxCollectionLength());
        }
        return n;
    }

    /**
     * Element count of a slice, array or map. Storage is reserved only for as many elements as bytes remain in
     * the message (every element takes at least one), so a forged count fails on the missing data instead of
     * allocating.
     */
    private int collectionLength() {
        long n = buf.readUint();
        if (n < 0 || n > limits.maxCollectionLength()) {
            throw buf.error("collection of " + Long.toUnsignedString(n) + " elements exceeds the limit of "
                    + limits.maxCollectionLength());
        }
        return (int) n;
    }
}
