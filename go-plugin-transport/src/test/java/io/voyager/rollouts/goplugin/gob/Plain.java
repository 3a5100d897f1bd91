package io.voyager.rollouts.goplugin.gob;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoded values turned into plain comparable data: byte[] as hex, interfaces without their types. */
final class Plain {

    private Plain() {}

    static Object of(Object v) {
        if (v instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (v instanceof GobStruct s) {
            return Map.of("struct " + s.typeName(), of(s.fields()));
        }
        if (v instanceof GobInterface i) {
            return Map.of("interface " + i.concreteTypeName(), of(i.value()));
        }
        if (v instanceof GobOpaque o) {
            return Map.of("opaque " + o.typeName(), of(o.payload()));
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(of(k), of(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(of(e)));
            return out;
        }
        return v;
    }
}
