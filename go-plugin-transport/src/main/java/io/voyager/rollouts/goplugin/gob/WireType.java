package io.voyager.rollouts.goplugin.gob;

import java.util.List;

/** A type definition as received: Go's {@code wireType}, with type ids still unresolved. */
sealed interface WireType {

    /** The {@code CommonType.Name} of the definition. */
    String name();

    record Field(String name, int typeId) {}

    record StructDef(String name, List<Field> fields) implements WireType {}

    record MapDef(String name, int keyId, int elemId) implements WireType {}

    record SliceDef(String name, int elemId) implements WireType {}

    record ArrayDef(String name, int elemId, int length) implements WireType {}

    record OpaqueDef(String name, GobType.OpaqueKind kind) implements WireType {}
}
