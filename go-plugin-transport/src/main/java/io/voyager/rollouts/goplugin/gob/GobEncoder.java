package io.voyager.rollouts.goplugin.gob;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes values for one gob stream (one direction of one connection), sending each type definition the
 * first time the type is used on the stream, exactly as Go's {@code gob.Encoder} does. Use one encoder per
 * stream for its whole life. Not thread-safe: callers serialise {@code encode} calls and write their results
 * in the same order.
 *
 * <p>Java values by type:
 * <ul>
 *   <li>struct: {@code Map<String,?>} keyed by field name, or a {@link GobStruct}. Absent, null and zero
 *       fields (false, 0, "", empty list, empty byte[]) are omitted as Go omits them. A nested struct or map
 *       field that is present is sent even when empty (Go's non-nil pointer / non-nil map).</li>
 *   <li>map: {@code Map}; slice/array: {@code List}; {@code BYTES}: {@code byte[]}; string: {@code String}</li>
 *   <li>signed: any {@code Number} that fits a long; unsigned: {@code Long} (read as unsigned),
 *       {@code Integer}, or {@code BigInteger} up to 2^64-1; float: {@code Number}; bool: {@code Boolean};
 *       complex: {@link GobComplex}</li>
 *   <li>interface: {@link GobInterface} or null (nil)</li>
 *   <li>self-encoding types: {@code byte[]}, {@link GobOpaque} or {@link GoTime}</li>
 * </ul>
 * A value that does not fit its type throws {@link GobException}; nothing is then marked as sent.
 */
public final class GobEncoder {

    /** Where type definitions go relative to the types they mention. Go's decoder accepts both. */
    public enum DefinitionOrder {
        /** What Go sends: a type before the types it refers to. */
        GO,
        /** Referenced types first, so no definition refers forward. */
        DEPENDENCIES_FIRST
    }

    private final GobTypeRegistry registry;
    private final DefinitionOrder order;
    /** Go's enc.sent: which types this stream has defined, by base and by user type. */
    private final Map<GobType, Integer> sent = new HashMap<>();
    /** Types marked sent by the encode call in progress, forgotten again if it fails. */
    private final List<GobType> sentNow = new ArrayList<>();
    /** Go's writer stack: definitions met inside an interface value are written into the enclosing buffer. */
    private final Deque<EncBuffer> writers = new ArrayDeque<>();

    public GobEncoder() {
        this(new GobTypeRegistry(), DefinitionOrder.GO);
    }

    public GobEncoder(GobTypeRegistry registry, DefinitionOrder order) {
        this.registry = registry;
        this.order = order;
    }

    /** Writes one value, preceded by the definitions this stream has not seen yet, with a single write. */
    public void encode(OutputStream out, GobType type, Object value) throws IOException {
        out.write(encode(type, value));
    }

    /** The messages for one value, preceded by the definitions this stream has not seen yet. */
    public byte[] encode(GobType type, Object value) {
        sentNow.clear();
        try {
            EncBuffer out = new EncBuffer();
            writers.clear();
            writers.push(out);
            EncBuffer b = new EncBuffer();
            State state = new State(b);
            sendTypeDescriptor(state, type);
            sendTypeId(state, type);
            encodeTopLevel(b, type, value);
            out.writeMessage(b);
            return out.toByteArray();
        } catch (RuntimeException e) {
            sentNow.forEach(sent::remove);
            throw e instanceof GobException ? e : new GobException("gob: cannot encode " + type.goString() + ": " + e);
        }
    }

    /** Encoding position inside a buffer: Go's encoderState. */
    private static final class State {
        final EncBuffer b;
        int fieldNum;
        boolean sendZero;

        State(EncBuffer b) {
            this.b = b;
        }

        /** Writes the field delta; {@code field < 0} means an element, which has none. */
        void update(int field) {
            if (field >= 0) {
                b.writeUint(field - fieldNum);
                fieldNum = field;
            }
        }
    }

    // ---- type definitions

    private void sendTypeDescriptor(State state, GobType type) {
        if (!sent.containsKey(type)) {
            if (!sendType(state, type)) {
                markSent(type, registry.typeInfo(type).id());
            }
        }
    }

    private void sendTypeId(State state, GobType type) {
        state.b.writeInt(sent.get(GobType.base(type)));
    }

    private boolean sendType(State state, GobType type) {
        if (type instanceof GobType.Basic) {
            return false;
        }
        return sendActualType(state, type, GobType.base(type));
    }

    private boolean sendActualType(State state, GobType user, GobType actual) {
        if (sent.containsKey(actual)) {
            return false;
        }
        GobTypeRegistry.TypeInfo info = registry.typeInfo(user);
        markSent(actual, info.id());
        markSent(user, info.id());
        if (order == DefinitionOrder.DEPENDENCIES_FIRST) {
            sendInnerTypes(state, actual);
        }
        state.b.writeInt(-info.id());
        WireTypeWriter.write(state.b, info.definition(), info.commonTypeId());
        writers.peek().writeMessage(state.b);
        state.b.reset();
        if (order == DefinitionOrder.GO) {
            sendInnerTypes(state, actual);
        }
        return true;
    }

    private void markSent(GobType type, int id) {
        if (sent.putIfAbsent(type, id) == null) {
            sentNow.add(type);
        }
    }

    private void sendInnerTypes(State state, GobType actual) {
        if (actual instanceof GobType.Struct struct) {
            struct.fields().forEach(f -> sendType(state, f.type()));
        } else if (actual instanceof GobType.Opaque opaque) {
            opaque.exportedFieldTypes().forEach(t -> sendType(state, t));
        } else if (actual instanceof GobType.SliceType slice) {
            sendType(state, slice.elem());
        } else if (actual instanceof GobType.ArrayType array) {
            sendType(state, array.elem());
        } else if (actual instanceof GobType.MapType map) {
            sendType(state, map.key());
            sendType(state, map.elem());
        }
    }

    // ---- values

    /** A top-level or interface-held value: a struct's fields directly, anything else as field 0. */
    private void encodeTopLevel(EncBuffer b, GobType type, Object value) {
        GobType base = GobType.base(type);
        if (base instanceof GobType.Struct struct) {
            if (value == null) {
                throw new GobException("gob: cannot encode nil pointer of type " + type.goString());
            }
            encodeStruct(b, struct, value);
            return;
        }
        if (value == null && base != GobType.INTERFACE && !(base instanceof GobType.MapType)) {
            throw new GobException("gob: cannot encode nil value of type " + type.goString());
        }
        State state = new State(b);
        state.sendZero = true;
        encodeOp(state, 0, base, value);
    }

    private void encodeStruct(EncBuffer b, GobType.Struct struct, Object value) {
        Map<?, ?> fields = value instanceof GobStruct gs ? gs.fields() : asMap(value, struct);
        List<GobType.Field> declared = struct.fields();
        for (Object key : fields.keySet()) {
            if (struct.indexOf(String.valueOf(key)) < 0) {
                throw new GobException("gob: " + struct.goString() + " has no field " + key);
            }
        }
        State state = new State(b);
        state.fieldNum = -1;
        for (int i = 0; i < declared.size(); i++) {
            Object v = fields.get(declared.get(i).name());
            if (v != null) {
                encodeOp(state, i, GobType.base(declared.get(i).type()), v);
            }
        }
        state.b.writeUint(0);
    }

    /** Go's encOp for one field or element; zero values are skipped unless {@code state.sendZero}. */
    private void encodeOp(State state, int field, GobType type, Object v) {
        if (type instanceof GobType.Basic basic) {
            encodeBasic(state, field, basic, v);
        } else if (type instanceof GobType.Struct struct) {
            state.update(field);
            encodeStruct(state.b, struct, v);
        } else if (type instanceof GobType.SliceType slice) {
            List<?> list = asList(v, type);
            if (!state.sendZero && list.isEmpty()) {
                return;
            }
            state.update(field);
            encodeArray(state.b, slice.elem(), list);
        } else if (type instanceof GobType.ArrayType array) {
            List<?> list = asList(v, type);
            if (list.size() != array.length()) {
                throw new GobException(
                        "gob: " + type.goString() + " needs " + array.length() + " elements, got " + list.size());
            }
            state.update(field);
            encodeArray(state.b, array.elem(), list);
        } else if (type instanceof GobType.MapType map) {
            if (v == null) {
                if (!state.sendZero) {
                    return;
                }
                v = Map.of();
            }
            state.update(field);
            encodeMap(state.b, map, asMap(v, type));
        } else {
            state.update(field);
            byte[] payload = opaquePayload(v, type);
            state.b.writeUint(payload.length);
            state.b.write(payload);
        }
    }

    private void encodeBasic(State state, int field, GobType.Basic type, Object v) {
        switch (type.id()) {
            case GobType.BOOL_ID -> {
                boolean x = (Boolean) expect(v, Boolean.class, type);
                if (x || state.sendZero) {
                    state.update(field);
                    state.b.writeUint(x ? 1 : 0);
                }
            }
            case GobType.INT_ID -> {
                long x = signed(v, type);
                if (x != 0 || state.sendZero) {
                    state.update(field);
                    state.b.writeInt(x);
                }
            }
            case GobType.UINT_ID -> {
                long x = unsigned(v, type);
                if (x != 0 || state.sendZero) {
                    state.update(field);
                    state.b.writeUint(x);
                }
            }
            case GobType.FLOAT_ID -> {
                double x = expect(v, Number.class, type).doubleValue();
                if (x != 0 || state.sendZero) {
                    state.update(field);
                    state.b.writeFloat(x);
                }
            }
            case GobType.COMPLEX_ID -> {
                GobComplex c = expect(v, GobComplex.class, type);
                if (c.real() != 0 || c.imaginary() != 0 || state.sendZero) {
                    state.update(field);
                    state.b.writeFloat(c.real());
                    state.b.writeFloat(c.imaginary());
                }
            }
            case GobType.BYTES_ID -> {
                byte[] x = expect(v, byte[].class, type);
                if (x.length > 0 || state.sendZero) {
                    state.update(field);
                    state.b.writeUint(x.length);
                    state.b.write(x);
                }
            }
            case GobType.STRING_ID -> {
                byte[] x = expect(v, CharSequence.class, type).toString().getBytes(StandardCharsets.UTF_8);
                if (x.length > 0 || state.sendZero) {
                    state.update(field);
                    state.b.writeUint(x.length);
                    state.b.write(x);
                }
            }
            default -> {
                if (v == null && !state.sendZero) {
                    return;
                }
                state.update(field);
                encodeInterface(state.b, v == null ? null : expect(v, GobInterface.class, type));
            }
        }
    }

    private void encodeArray(EncBuffer b, GobType elem, List<?> list) {
        State state = new State(b);
        state.fieldNum = -1;
        state.sendZero = true;
        state.b.writeUint(list.size());
        GobType base = GobType.base(elem);
        for (Object e : list) {
            requireElement(e, base);
            encodeOp(state, -1, base, e);
        }
    }

    private void encodeMap(EncBuffer b, GobType.MapType type, Map<?, ?> map) {
        State state = new State(b);
        state.fieldNum = -1;
        state.sendZero = true;
        state.b.writeUint(map.size());
        GobType key = GobType.base(type.key());
        GobType elem = GobType.base(type.elem());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            requireElement(e.getKey(), key);
            requireElement(e.getValue(), elem);
            encodeOp(state, -1, key, e.getKey());
            encodeOp(state, -1, elem, e.getValue());
        }
    }

    /** Go's encodeInterface: name, definitions, type id, then the value as a nested message. */
    private void encodeInterface(EncBuffer b, GobInterface iv) {
        State state = new State(b);
        state.fieldNum = -1;
        state.sendZero = true;
        if (iv == null) {
            state.b.writeUint(0);
            return;
        }
        if (iv.concreteType() == null) {
            throw new GobException("gob: interface value " + iv.concreteTypeName() + " has no concrete type");
        }
        byte[] name = iv.concreteTypeName().getBytes(StandardCharsets.UTF_8);
        state.b.writeUint(name.length);
        state.b.write(name);
        sendTypeDescriptor(state, iv.concreteType());
        sendTypeId(state, iv.concreteType());
        writers.push(b);
        EncBuffer data = new EncBuffer();
        encodeTopLevel(data, iv.concreteType(), iv.value());
        writers.pop();
        b.writeMessage(data);
    }

    // ---- Java value checks

    private static void requireElement(Object e, GobType type) {
        if (e == null && type != GobType.INTERFACE && !(type instanceof GobType.MapType)) {
            throw new GobException("gob: nil element of type " + type.goString());
        }
    }

    private static <T> T expect(Object v, Class<T> cls, GobType type) {
        if (!cls.isInstance(v)) {
            throw new GobException("gob: " + type.goString() + " value must be a " + cls.getSimpleName() + ", got "
                    + (v == null ? "null" : v.getClass().getSimpleName()));
        }
        return cls.cast(v);
    }

    private static long signed(Object v, GobType type) {
        if (v instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new GobException("gob: " + big + " does not fit " + type.goString());
            }
            return big.longValue();
        }
        Number n = expect(v, Number.class, type);
        if (n instanceof Double || n instanceof Float) {
            throw new GobException("gob: " + type.goString() + " value must be an integer, got " + n);
        }
        return n.longValue();
    }

    private static long unsigned(Object v, GobType type) {
        if (v instanceof BigInteger big) {
            if (big.signum() < 0 || big.bitLength() > 64) {
                throw new GobException("gob: " + big + " does not fit " + type.goString());
            }
            return big.longValue();
        }
        if (v instanceof Long l) {
            return l;
        }
        long x = signed(v, type);
        if (x < 0) {
            throw new GobException("gob: negative value " + x + " for " + type.goString());
        }
        return x;
    }

    private static Map<?, ?> asMap(Object v, GobType type) {
        if (v instanceof GobStruct gs) {
            return gs.fields();
        }
        return expect(v, Map.class, type);
    }

    private static List<?> asList(Object v, GobType type) {
        return expect(v, List.class, type);
    }

    private static byte[] opaquePayload(Object v, GobType type) {
        if (v instanceof byte[] bytes) {
            return bytes;
        }
        if (v instanceof GobOpaque opaque) {
            return opaque.payload();
        }
        if (v instanceof GoTime time) {
            return time.toBinary();
        }
        throw new GobException("gob: " + type.goString() + " value must be byte[], GobOpaque or GoTime, got "
                + (v == null ? "null" : v.getClass().getSimpleName()));
    }
}
