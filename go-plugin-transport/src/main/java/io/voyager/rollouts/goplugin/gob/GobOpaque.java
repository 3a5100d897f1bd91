package io.voyager.rollouts.goplugin.gob;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The payload of a type that encodes itself (Go {@code GobEncoder}, {@code BinaryMarshaler} or
 * {@code TextMarshaler}), such as {@code time.Time} and {@code metav1.Time}. Use {@link GoTime#fromBinary}
 * to read a time.
 *
 * @param typeName the type's name from its wire definition (may be "" — Go sends no name for pointer types)
 * @param payload the bytes produced by the Go type's encoding method
 */
public record GobOpaque(String typeName, byte[] payload) {

    public GobOpaque {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as Go's {@code time.Time} MarshalBinary layout. */
    public GoTime asTime() {
        return GoTime.fromBinary(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GobOpaque other && typeName.equals(other.typeName) && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return typeName.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "GobOpaque[" + typeName + ", " + HexFormat.of().formatHex(payload) + "]";
    }
}
