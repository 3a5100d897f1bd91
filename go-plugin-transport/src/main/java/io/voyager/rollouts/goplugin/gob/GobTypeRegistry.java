package io.voyager.rollouts.goplugin.gob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's process-wide table of gob type ids, and the definitions built from it, reproduced so that
 * {@link GobEncoder} emits the same ids and definitions a Go program would.
 *
 * <p>Go assigns an id the first time a type is used anywhere in the process: a struct before its fields,
 * a map, slice or array after its element types, and {@code *T} of a self-encoding type gets an extra id of
 * its own. Every encoder gets a fresh registry by default, which is what a freshly started Go process would
 * send on its first stream. Sharing one registry between encoders reproduces a single Go process that
 * serves several streams. Thread-safe.
 */
public final class GobTypeRegistry {

    /** Go allocates user ids from 65 upwards in a fresh process. */
    private int lastId = 64;

    private final Map<GobType, TypeObject> types = new HashMap<>();
    private final Map<GobType, TypeInfo> infos = new HashMap<>();

    /** Go's gobType: a type with its id and name as they appear in definitions. */
    static final class TypeObject {
        final String name;
        int id;
        final List<WireType.Field> fields = new ArrayList<>();
        int keyId;
        int elemId;
        int length;

        TypeObject(String name, int id) {
            this.name = name;
            this.id = id;
        }
    }

    /**
     * What is sent for a type: the id used in messages and values, and the definition.
     *
     * @param definition null for predefined types, which are never defined on the wire
     * @param commonTypeId the id written inside the definition; differs from {@code id} for {@code *T}
     */
    record TypeInfo(int id, WireType definition, int commonTypeId) {}

    /** Go's getTypeInfo: the id and definition of a type, built on first use. */
    synchronized TypeInfo typeInfo(GobType user) {
        TypeInfo info = infos.get(user);
        if (info != null) {
            return info;
        }
        TypeObject base = getType(user.name(), GobType.base(user));
        if (user instanceof GobType.Opaque || user instanceof GobType.PointerTo) {
            GobType.Opaque opaque = (GobType.Opaque) GobType.base(user);
            TypeObject described = getType(user.name(), user);
            info = new TypeInfo(base.id, new WireType.OpaqueDef(described.name, opaque.kind()), described.id);
        } else if (user instanceof GobType.Basic) {
            info = new TypeInfo(base.id, null, base.id);
        } else {
            info = new TypeInfo(base.id, definition(user, base), base.id);
        }
        infos.put(user, info);
        return info;
    }

    private static WireType definition(GobType type, TypeObject object) {
        if (type instanceof GobType.Struct) {
            return new WireType.StructDef(object.name, List.copyOf(object.fields));
        }
        if (type instanceof GobType.MapType) {
            return new WireType.MapDef(object.name, object.keyId, object.elemId);
        }
        if (type instanceof GobType.SliceType) {
            return new WireType.SliceDef(object.name, object.elemId);
        }
        return new WireType.ArrayDef(object.name, object.elemId, object.length);
    }

    private TypeObject getType(String name, GobType type) {
        if (type instanceof GobType.Basic basic) {
            return new TypeObject(basic.name(), basic.id());
        }
        TypeObject existing = types.get(type);
        if (existing != null) {
            return existing;
        }
        return newTypeObject(name, type);
    }

    private TypeObject newTypeObject(String name, GobType type) {
        TypeObject t = new TypeObject(name, 0);
        types.put(type, t);
        if (type instanceof GobType.Opaque || type instanceof GobType.PointerTo) {
            setId(t);
        } else if (type instanceof GobType.ArrayType array) {
            TypeObject elem = getType("", GobType.base(array.elem()));
            setId(t);
            t.elemId = elem.id;
            t.length = array.length();
        } else if (type instanceof GobType.MapType map) {
            TypeObject key = getType("", GobType.base(map.key()));
            TypeObject elem = getType("", GobType.base(map.elem()));
            setId(t);
            t.keyId = key.id;
            t.elemId = elem.id;
        } else if (type instanceof GobType.SliceType slice) {
            TypeObject elem = getType(slice.elem().name(), GobType.base(slice.elem()));
            setId(t);
            t.elemId = elem.id;
        } else if (type instanceof GobType.Struct struct) {
            setId(t);
            for (GobType.Field f : struct.fields()) {
                GobType fieldBase = GobType.base(f.type());
                String typeName = fieldBase.name().isEmpty() ? fieldBase.goString() : fieldBase.name();
                TypeObject ft = getType(typeName, fieldBase);
                if (ft.id == 0) {
                    setId(ft); // a recursive composite still being built
                }
                t.fields.add(new WireType.Field(f.name(), ft.id));
            }
        }
        return t;
    }

    private void setId(TypeObject t) {
        if (t.id == 0) {
            t.id = ++lastId;
        }
    }
}
