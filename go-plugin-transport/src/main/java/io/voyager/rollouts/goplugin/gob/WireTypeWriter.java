package io.voyager.rollouts.goplugin.gob;

import java.nio.charset.StandardCharsets;

/** Encodes a definition as Go's {@code wireType} struct value (see {@link WireTypeReader} for the layout). */
final class WireTypeWriter {

    private WireTypeWriter() {}

    static void write(EncBuffer b, WireType def, int commonTypeId) {
        Fields wire = new Fields(b);
        if (def instanceof WireType.ArrayDef a) {
            wire.begin(0);
            Fields array = common(b, a.name(), commonTypeId);
            array.integer(1, a.elemId());
            array.integer(2, a.length());
            array.end();
        } else if (def instanceof WireType.SliceDef s) {
            wire.begin(1);
            Fields slice = common(b, s.name(), commonTypeId);
            slice.integer(1, s.elemId());
            slice.end();
        } else if (def instanceof WireType.StructDef s) {
            wire.begin(2);
            Fields struct = common(b, s.name(), commonTypeId);
            if (!s.fields().isEmpty()) {
                struct.begin(1);
                b.writeUint(s.fields().size());
                for (WireType.Field f : s.fields()) {
                    Fields field = new Fields(b);
                    field.string(0, f.name());
                    field.integer(1, f.typeId());
                    field.end();
                }
            }
            struct.end();
        } else if (def instanceof WireType.MapDef m) {
            wire.begin(3);
            Fields map = common(b, m.name(), commonTypeId);
            map.integer(1, m.keyId());
            map.integer(2, m.elemId());
            map.end();
        } else {
            WireType.OpaqueDef o = (WireType.OpaqueDef) def;
            wire.begin(4 + o.kind().ordinal());
            common(b, o.name(), commonTypeId).end();
        }
        wire.end();
    }

    /** Starts the kind's struct with its embedded CommonType {Name string; Id int} as field 0. */
    private static Fields common(EncBuffer b, String name, int id) {
        Fields kind = new Fields(b);
        kind.begin(0);
        Fields common = new Fields(b);
        common.string(0, name);
        common.integer(1, id);
        common.end();
        return kind;
    }

    /** Writes one struct's fields as gob does: deltas between present fields, zero fields omitted, 00 at the end. */
    private static final class Fields {
        private final EncBuffer b;
        private int last = -1;

        Fields(EncBuffer b) {
            this.b = b;
        }

        void begin(int field) {
            b.writeUint(field - last);
            last = field;
        }

        void integer(int field, long value) {
            if (value != 0) {
                begin(field);
                b.writeInt(value);
            }
        }

        void string(int field, String value) {
            if (!value.isEmpty()) {
                begin(field);
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                b.writeUint(bytes.length);
                b.write(bytes);
            }
        }

        void end() {
            b.writeUint(0);
        }
    }
}
