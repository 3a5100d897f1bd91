package io.voyager.rollouts.goplugin.gob;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Go's {@code wireType} struct, whose layout every gob peer knows in advance:
 * <pre>
 * wireType   { ArrayT *arrayType; SliceT *sliceType; StructT *structType; MapT *mapType;
 *              GobEncoderT, BinaryMarshalerT, TextMarshalerT *gobEncoderType }
 * arrayType  { CommonType; Elem typeId; Len int }      sliceType { CommonType; Elem typeId }
 * structType { CommonType; Field []fieldType }         mapType   { CommonType; Key, Elem typeId }
 * fieldType  { Name string; Id typeId }                gobEncoderType { CommonType }
 * CommonType { Name string; Id typeId }
 * </pre>
 */
final class WireTypeReader {

    private static final int ARRAY = 0;
    private static final int SLICE = 1;
    private static final int STRUCT = 2;
    private static final int MAP = 3;
    private static final int GOB_ENCODER = 4;
    private static final int BINARY_MARSHALER = 5;
    private static final int TEXT_MARSHALER = 6;

    private WireTypeReader() {}

    /** Reads one wireType value; exactly one of its seven fields must be present. */
    static WireType read(MessageBuffer in) {
        WireType result = null;
        int field = -1;
        while (true) {
            field = nextField(in, field, TEXT_MARSHALER);
            if (field < 0) {
                break;
            }
            if (result != null) {
                throw in.error("type definition describes more than one kind");
            }
            result = switch (field) {
                case ARRAY -> readArray(in);
                case SLICE -> readSlice(in);
                case STRUCT -> readStruct(in);
                case MAP -> readMap(in);
                case GOB_ENCODER -> new WireType.OpaqueDef(readCommonOnly(in), GobType.OpaqueKind.GOB_ENCODER);
                case BINARY_MARSHALER ->
                    new WireType.OpaqueDef(readCommonOnly(in), GobType.OpaqueKind.BINARY_MARSHALER);
                default -> new WireType.OpaqueDef(readCommonOnly(in), GobType.OpaqueKind.TEXT_MARSHALER);
            };
        }
        if (result == null) {
            throw in.error("empty type definition");
        }
        return result;
    }

    /** The next field number of a struct, or -1 at its terminator. */
    private static int nextField(MessageBuffer in, int previous, int maxField) {
        long delta = in.readUint();
        if (delta == 0) {
            return -1;
        }
        if (delta < 0 || delta > maxField - previous) {
            throw in.error("field number out of range in type definition");
        }
        return previous + (int) delta;
    }

    private static String readCommon(MessageBuffer in) {
        String name = "";
        int field = -1;
        while ((field = nextField(in, field, 1)) >= 0) {
            if (field == 0) {
                name = in.readString(in.readLength("type name"));
            } else {
                in.readInt(); // CommonType.Id is informational; Go itself sometimes sends another id here
            }
        }
        return name;
    }

    private static String readCommonOnly(MessageBuffer in) {
        String name = "";
        int field = -1;
        while ((field = nextField(in, field, 0)) >= 0) {
            name = readCommon(in);
        }
        return name;
    }

    private static int typeId(MessageBuffer in) {
        long id = in.readInt();
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw in.error("invalid type id " + id + " in type definition");
        }
        return (int) id;
    }

    private static WireType readArray(MessageBuffer in) {
        String name = "";
        int elem = 0;
        long length = 0;
        int field = -1;
        while ((field = nextField(in, field, 2)) >= 0) {
            switch (field) {
                case 0 -> name = readCommon(in);
                case 1 -> elem = typeId(in);
                default -> length = in.readInt();
            }
        }
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw in.error("invalid array length " + length);
        }
        return new WireType.ArrayDef(name, elem, (int) length);
    }

    private static WireType readSlice(MessageBuffer in) {
        String name = "";
        int elem = 0;
        int field = -1;
        while ((field = nextField(in, field, 1)) >= 0) {
            if (field == 0) {
                name = readCommon(in);
            } else {
                elem = typeId(in);
            }
        }
        return new WireType.SliceDef(name, elem);
    }

    private static WireType readMap(MessageBuffer in) {
        String name = "";
        int key = 0;
        int elem = 0;
        int field = -1;
        while ((field = nextField(in, field, 2)) >= 0) {
            switch (field) {
                case 0 -> name = readCommon(in);
                case 1 -> key = typeId(in);
                default -> elem = typeId(in);
            }
        }
        return new WireType.MapDef(name, key, elem);
    }

    private static WireType readStruct(MessageBuffer in) {
        String name = "";
        List<WireType.Field> fields = List.of();
        int field = -1;
        while ((field = nextField(in, field, 1)) >= 0) {
            if (field == 0) {
                name = readCommon(in);
            } else {
                fields = readFields(in);
            }
        }
        return new WireType.StructDef(name, fields);
    }

    private static List<WireType.Field> readFields(MessageBuffer in) {
        int n = in.readLength("field list");
        List<WireType.Field> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = "";
            int id = 0;
            int field = -1;
            while ((field = nextField(in, field, 1)) >= 0) {
                if (field == 0) {
                    name = in.readString(in.readLength("field name"));
                } else {
                    id = typeId(in);
                }
            }
            fields.add(new WireType.Field(name, id));
        }
        return List.copyOf(fields);
    }
}
