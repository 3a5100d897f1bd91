package io.voyager.rollouts.goplugin.gob;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns received definitions into {@link GobType}s, resolving ids lazily and once. */
final class WireTypeConverter {

    private final Map<Integer, WireType> definitions;
    private final int maxDepth;
    private final Map<Integer, GobType> converted = new HashMap<>();
    private final Set<Integer> inProgress = new HashSet<>();

    WireTypeConverter(Map<Integer, WireType> definitions, int maxDepth) {
        this.definitions = definitions;
        this.maxDepth = maxDepth;
    }

    /**
     * @throws IllegalStateException for unknown ids, types nested deeper than the limit, and recursion that does
     *     not pass through a struct
     */
    GobType convert(int id) {
        return convert(id, 0);
    }

    private GobType convert(int id, int depth) {
        switch (id) {
            case GobType.BOOL_ID:
                return GobType.BOOL;
            case GobType.INT_ID:
                return GobType.INT;
            case GobType.UINT_ID:
                return GobType.UINT;
            case GobType.FLOAT_ID:
                return GobType.FLOAT64;
            case GobType.BYTES_ID:
                return GobType.BYTES;
            case GobType.STRING_ID:
                return GobType.STRING;
            case GobType.COMPLEX_ID:
                return GobType.COMPLEX128;
            case GobType.INTERFACE_ID:
                return GobType.INTERFACE;
            default:
                break;
        }
        GobType done = converted.get(id);
        if (done != null) {
            return done;
        }
        WireType wire = definitions.get(id);
        if (wire == null) {
            throw new IllegalStateException("unknown type id " + id);
        }
        if (depth > maxDepth) {
            throw new IllegalStateException("type " + id + " is nested deeper than " + maxDepth);
        }
        if (!inProgress.add(id)) {
            throw new IllegalStateException("recursive type " + id + " without a struct in the cycle is not supported");
        }
        try {
            GobType type;
            if (wire instanceof WireType.StructDef s) {
                type = struct(id, s, depth);
            } else if (wire instanceof WireType.MapDef m) {
                GobType key = convert(m.keyId(), depth + 1);
                GobType elem = convert(m.elemId(), depth + 1);
                type = new GobType.MapType(
                        namedPart(m.name(), "map["),
                        typeString(m.name(), "map[" + key.goString() + "]" + elem.goString()),
                        key,
                        elem);
            } else if (wire instanceof WireType.SliceDef s) {
                GobType elem = convert(s.elemId(), depth + 1);
                type = new GobType.SliceType(
                        namedPart(s.name(), "[]"), typeString(s.name(), "[]" + elem.goString()), elem);
            } else if (wire instanceof WireType.ArrayDef a) {
                GobType elem = convert(a.elemId(), depth + 1);
                type = new GobType.ArrayType(
                        namedPart(a.name(), "["),
                        typeString(a.name(), "[" + a.length() + "]" + elem.goString()),
                        elem,
                        a.length());
            } else {
                WireType.OpaqueDef o = (WireType.OpaqueDef) wire;
                type = new GobType.Opaque(o.name(), o.name(), o.kind(), List.of());
            }
            converted.put(id, type);
            return type;
        } finally {
            inProgress.remove(id);
        }
    }

    private GobType struct(int id, WireType.StructDef def, int depth) {
        String name = def.name();
        GobType.Struct struct = new GobType.Struct(name, name.isEmpty() ? "struct {}" : name, null);
        converted.put(id, struct);
        GobType.Field[] fields = new GobType.Field[def.fields().size()];
        for (int i = 0; i < fields.length; i++) {
            WireType.Field f = def.fields().get(i);
            fields[i] = GobType.field(f.name(), convert(f.typeId(), depth + 1));
        }
        return struct.define(fields);
    }

    /** Go names unnamed composites by their type string ("map[string]string"); those have no Name(). */
    private static String namedPart(String wireName, String unnamedPrefix) {
        return wireName.startsWith(unnamedPrefix) ? "" : wireName;
    }

    private static String typeString(String wireName, String computed) {
        return wireName.isEmpty() ? computed : wireName;
    }
}
