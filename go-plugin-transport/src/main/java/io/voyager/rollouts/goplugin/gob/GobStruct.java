package io.voyager.rollouts.goplugin.gob;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded Go struct value: its wire type name and the fields that were present, in wire order.
 *
 * <p>Gob omits zero-valued fields (false, 0, "", empty slices, nil maps, nil pointers), so an absent field
 * means "Go's zero value". The typed getters return that zero value for absent fields.
 *
 * @param typeName the struct's name as sent in its type definition ({@code ""} for anonymous structs)
 * @param fields field name to decoded value; insertion order is wire order
 */
public record GobStruct(String typeName, Map<String, Object> fields) {

    public GobStruct {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The raw field value, or null if the field was absent (zero). */
    public Object get(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** A string field, "" if absent. */
    public String string(String field) {
        Object v = fields.get(field);
        return v == null ? "" : (String) v;
    }

    /** A signed or unsigned integer field, 0 if absent. */
    public long integer(String field) {
        Object v = fields.get(field);
        return v == null ? 0L : ((Number) v).longValue();
    }

    public boolean bool(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }

    /** A nested struct (or pointer to struct) field, null if absent. */
    public GobStruct struct(String field) {
        return (GobStruct) fields.get(field);
    }

    /** A slice or array field, empty if absent. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String field) {
        Object v = fields.get(field);
        return v == null ? List.of() : (List<Object>) v;
    }

    /** A map field, empty if absent (nil). */
    @SuppressWarnings("unchecked")
    public Map<Object, Object> map(String field) {
        Object v = fields.get(field);
        return v == null ? Map.of() : (Map<Object, Object>) v;
    }

    /** A GobEncoder/BinaryMarshaler/TextMarshaler field, null if absent. */
    public GobOpaque opaque(String field) {
        return (GobOpaque) fields.get(field);
    }
}
