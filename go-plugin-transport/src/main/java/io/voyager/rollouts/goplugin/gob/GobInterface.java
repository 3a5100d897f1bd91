package io.voyager.rollouts.goplugin.gob;

/**
 * A non-nil Go interface value: the name the concrete type was registered under ({@code gob.Register} /
 * {@code gob.RegisterName}), the concrete type and the value. A nil interface is represented by {@code null}.
 *
 * <p>When decoding, {@code concreteType} is rebuilt from the wire definitions. When encoding, it tells the
 * encoder how to encode {@code value} and which definitions to send.
 */
public record GobInterface(String concreteTypeName, GobType concreteType, Object value) {

    public GobInterface {
        if (concreteTypeName == null || concreteTypeName.isEmpty()) {
            throw new IllegalArgumentException("a non-nil interface needs the registered name of its concrete type");
        }
    }
}
