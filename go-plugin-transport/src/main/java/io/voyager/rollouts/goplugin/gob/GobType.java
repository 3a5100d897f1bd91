package io.voyager.rollouts.goplugin.gob;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Go type as gob sees it, used to tell {@link GobEncoder} what to send and reported by {@link GobDecoder}
 * for what it received.
 *
 * <p>Every type has Go's two names: {@link #name()} is {@code reflect.Type.Name()} ({@code ""} for unnamed
 * types such as {@code map[string]string}) and {@link #goString()} is {@code reflect.Type.String()}. Gob puts
 * one or the other into a type definition depending on where the type is first met, and the encoder
 * reproduces that so its output is byte-identical to Go's.
 *
 * <p>Pointers do not exist on the wire: {@link #pointerTo(GobType)} returns its argument, except for
 * self-encoding types, where Go describes {@code *T} slightly differently from {@code T}.
 */
public sealed interface GobType
        permits GobType.Basic,
                GobType.Struct,
                GobType.MapType,
                GobType.SliceType,
                GobType.ArrayType,
                GobType.Opaque,
                GobType.PointerTo {

    /** Go's {@code reflect.Type.Name()}: "" for unnamed types. */
    String name();

    /** Go's {@code reflect.Type.String()}. */
    String goString();

    // Go's predefined gob type ids.
    int BOOL_ID = 1;
    int INT_ID = 2;
    int UINT_ID = 3;
    int FLOAT_ID = 4;
    int BYTES_ID = 5;
    int STRING_ID = 6;
    int COMPLEX_ID = 7;
    int INTERFACE_ID = 8;

    Basic BOOL = new Basic(BOOL_ID, "bool", "bool");
    Basic INT = new Basic(INT_ID, "int", "int");
    Basic INT64 = new Basic(INT_ID, "int64", "int64");
    Basic INT32 = new Basic(INT_ID, "int32", "int32");
    Basic INT16 = new Basic(INT_ID, "int16", "int16");
    Basic INT8 = new Basic(INT_ID, "int8", "int8");
    Basic UINT = new Basic(UINT_ID, "uint", "uint");
    Basic UINT64 = new Basic(UINT_ID, "uint64", "uint64");
    Basic UINT32 = new Basic(UINT_ID, "uint32", "uint32");
    Basic UINT16 = new Basic(UINT_ID, "uint16", "uint16");
    Basic FLOAT64 = new Basic(FLOAT_ID, "float64", "float64");
    Basic FLOAT32 = new Basic(FLOAT_ID, "float32", "float32");
    /** {@code []byte}; also what Go's {@code json.RawMessage} is on the wire. */
    Basic BYTES = new Basic(BYTES_ID, "", "[]uint8");

    Basic STRING = new Basic(STRING_ID, "string", "string");
    Basic COMPLEX128 = new Basic(COMPLEX_ID, "complex128", "complex128");
    /** Go's {@code interface{}}; values are {@link GobInterface} or null (nil). */
    Basic INTERFACE = new Basic(INTERFACE_ID, "", "interface {}");

    /** Go's {@code time.Time}: a GobEncoder whose payload is {@link GoTime}'s binary layout. */
    Opaque TIME = gobEncoder("time.Time");
    /**
     * Kubernetes' {@code metav1.Time} ({@code struct{ time.Time }}): Go also describes the embedded
     * {@code time.Time} on the wire, so it is modelled with that exported field type.
     */
    Opaque METAV1_TIME = gobEncoder("v1.Time", TIME);

    /**
     * A predeclared kind (bool, signed/unsigned integer, float, bytes, string, complex, interface).
     *
     * @param id the predefined gob type id
     */
    record Basic(int id, String name, String goString) implements GobType {}

    /** A named Go basic type, e.g. {@code named("v1alpha1.AnalysisPhase", STRING)}. */
    static Basic named(String qualifiedName, Basic underlying) {
        return new Basic(underlying.id(), simpleName(qualifiedName), qualifiedName);
    }

    /** One exported struct field. */
    record Field(String name, GobType type) {
        public Field {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
        }
    }

    static Field field(String name, GobType type) {
        return new Field(name, type);
    }

    /**
     * A struct. Two structs are equal when names and fields are equal (recursively), so the same Go type built
     * twice in Java gets one type id. Fields may be set after construction to build recursive types.
     */
    final class Struct implements GobType {
        private final String name;
        private final String goString;
        private List<Field> fields;
        private int hash;

        Struct(String name, String goString, List<Field> fields) {
            this.name = name;
            this.goString = goString;
            this.fields = fields == null ? null : List.copyOf(fields);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String goString() {
            return goString;
        }

        /** The exported fields in declaration order (= gob field numbers). */
        public List<Field> fields() {
            if (fields == null) {
                throw new IllegalStateException("struct " + goString + " has no fields defined yet");
            }
            return fields;
        }

        /** Completes a struct made with {@link GobType#recursiveStruct(String)}. */
        public Struct define(Field... fieldList) {
            if (fields != null) {
                throw new IllegalStateException("struct " + goString + " is already defined");
            }
            fields = List.of(fieldList);
            return this;
        }

        /** Index of the field with this name, or -1. */
        public int indexOf(String fieldName) {
            List<Field> fs = fields();
            for (int i = 0; i < fs.size(); i++) {
                if (fs.get(i).name().equals(fieldName)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Struct other && TypeEquality.equal(this, other, new IdentityHashMap<>());
        }

        @Override
        public int hashCode() {
            if (hash != 0) {
                return hash;
            }
            int h = goString.hashCode();
            if (fields == null) {
                return h;
            }
            for (Field f : fields) {
                h = h * 31 + f.name().hashCode();
            }
            hash = h == 0 ? 1 : h;
            return hash;
        }

        @Override
        public String toString() {
            return "Struct[" + goString + "]";
        }
    }

    /**
     * A struct type. The name may be package-qualified as Go prints it ({@code "v1alpha1.Metric"}): the
     * definition then carries {@code "Metric"}, and composite names such as {@code "[]v1alpha1.Metric"} the
     * qualified form. An empty name is an anonymous struct.
     */
    static Struct struct(String qualifiedName, Field... fields) {
        return new Struct(simpleName(qualifiedName), structString(qualifiedName, fields.length), List.of(fields));
    }

    /** A struct whose fields are given later with {@link Struct#define}, for self-referencing types. */
    static Struct recursiveStruct(String qualifiedName) {
        return new Struct(simpleName(qualifiedName), qualifiedName, null);
    }

    /** {@code map[K]V}. */
    record MapType(String name, String goString, GobType key, GobType elem) implements GobType {}

    static MapType map(GobType key, GobType elem) {
        return new MapType("", "map[" + key.goString() + "]" + elem.goString(), key, elem);
    }

    /** A named map type such as {@code corev1.ResourceList}: {@code namedMap("v1.ResourceList", K, V)}. */
    static MapType namedMap(String qualifiedName, GobType key, GobType elem) {
        return new MapType(simpleName(qualifiedName), qualifiedName, key, elem);
    }

    /** {@code []E}; for {@code []byte} use {@link #BYTES}. */
    record SliceType(String name, String goString, GobType elem) implements GobType {}

    static SliceType slice(GobType elem) {
        if (elem instanceof Basic b && b.goString().equals("uint8")) {
            throw new IllegalArgumentException("[]byte is GobType.BYTES");
        }
        return new SliceType("", "[]" + elem.goString(), elem);
    }

    static SliceType namedSlice(String qualifiedName, GobType elem) {
        return new SliceType(simpleName(qualifiedName), qualifiedName, elem);
    }

    /** {@code [N]E}. */
    record ArrayType(String name, String goString, GobType elem, int length) implements GobType {}

    static ArrayType array(GobType elem, int length) {
        return new ArrayType("", "[" + length + "]" + elem.goString(), elem, length);
    }

    /** Which of Go's self-encoding interfaces a type implements (gob prefers them in this order). */
    enum OpaqueKind {
        GOB_ENCODER,
        BINARY_MARSHALER,
        TEXT_MARSHALER
    }

    /**
     * A type that encodes itself into a byte payload. Values are {@code byte[]}, {@link GobOpaque} or
     * {@link GoTime}.
     *
     * @param exportedFieldTypes the types of the Go type's own exported fields: Go sends their definitions
     *     too (unused by the receiver), so they are needed only for byte-identical output
     */
    record Opaque(String name, String goString, OpaqueKind kind, List<GobType> exportedFieldTypes) implements GobType {
        public Opaque {
            exportedFieldTypes = List.copyOf(exportedFieldTypes);
        }
    }

    /** A type with a {@code GobEncode} method, e.g. {@code gobEncoder("v1.Time")}. */
    static Opaque gobEncoder(String qualifiedName, GobType... exportedFieldTypes) {
        return new Opaque(
                simpleName(qualifiedName), qualifiedName, OpaqueKind.GOB_ENCODER, List.of(exportedFieldTypes));
    }

    static Opaque binaryMarshaler(String qualifiedName) {
        return new Opaque(simpleName(qualifiedName), qualifiedName, OpaqueKind.BINARY_MARSHALER, List.of());
    }

    static Opaque textMarshaler(String qualifiedName) {
        return new Opaque(simpleName(qualifiedName), qualifiedName, OpaqueKind.TEXT_MARSHALER, List.of());
    }

    /**
     * {@code *T} of a self-encoding type. Encoded values are identical to {@code T}'s; only the first type
     * definition differs (Go describes it with an empty name and a fresh id).
     */
    record PointerTo(Opaque target) implements GobType {
        @Override
        public String name() {
            return "";
        }

        @Override
        public String goString() {
            return "*" + target.goString();
        }
    }

    /** {@code *T}: the same type on the wire, except for self-encoding types (see {@link PointerTo}). */
    static GobType pointerTo(GobType type) {
        return type instanceof Opaque opaque ? new PointerTo(opaque) : type;
    }

    /** The type whose values travel: {@code T} for {@code *T}. */
    static GobType base(GobType type) {
        return type instanceof PointerTo p ? p.target() : type;
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    private static String structString(String qualifiedName, int fieldCount) {
        if (!qualifiedName.isEmpty()) {
            return qualifiedName;
        }
        return fieldCount == 0 ? "struct {}" : "struct {...}";
    }

    /** Structural equality of possibly recursive types. */
    final class TypeEquality {
        private TypeEquality() {}

        static boolean equal(GobType a, GobType b, Map<Struct, Struct> assumed) {
            if (a == b) {
                return true;
            }
            if (a instanceof Struct sa && b instanceof Struct sb) {
                return structsEqual(sa, sb, assumed);
            }
            if (a instanceof MapType ma && b instanceof MapType mb) {
                return ma.name().equals(mb.name())
                        && ma.goString().equals(mb.goString())
                        && equal(ma.key(), mb.key(), assumed)
                        && equal(ma.elem(), mb.elem(), assumed);
            }
            if (a instanceof SliceType sa && b instanceof SliceType sb) {
                return sa.name().equals(sb.name())
                        && sa.goString().equals(sb.goString())
                        && equal(sa.elem(), sb.elem(), assumed);
            }
            if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
                return aa.name().equals(ab.name())
                        && aa.goString().equals(ab.goString())
                        && aa.length() == ab.length()
                        && equal(aa.elem(), ab.elem(), assumed);
            }
            if (a instanceof Opaque oa && b instanceof Opaque ob) {
                if (!oa.name().equals(ob.name())
                        || !oa.goString().equals(ob.goString())
                        || oa.kind() != ob.kind()
                        || oa.exportedFieldTypes().size()
                                != ob.exportedFieldTypes().size()) {
                    return false;
                }
                for (int i = 0; i < oa.exportedFieldTypes().size(); i++) {
                    if (!equal(
                            oa.exportedFieldTypes().get(i),
                            ob.exportedFieldTypes().get(i),
                            assumed)) {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof PointerTo pa && b instanceof PointerTo pb) {
                return equal(pa.target(), pb.target(), assumed);
            }
            return a instanceof Basic && a.equals(b);
        }

        private static boolean structsEqual(Struct sa, Struct sb, Map<Struct, Struct> assumed) {
            if (assumed.get(sa) == sb) {
                return true;
            }
            if (!sa.name.equals(sb.name)
                    || !sa.goString.equals(sb.goString)
                    || sa.fields == null
                    || sb.fields == null
                    || sa.fields.size() != sb.fields.size()) {
                return false;
            }
            assumed.put(sa, sb);
            for (int i = 0; i < sa.fields.size(); i++) {
                Field fa = sa.fields.get(i);
                Field fb = sb.fields.get(i);
                if (!fa.name().equals(fb.name()) || !equal(fa.type(), fb.type(), assumed)) {
                    return false;
                }
            }
            return true;
        }
    }
}
