package io.voyager.rollouts.goplugin.gob;

/**
 * One decoded top-level value with its type as rebuilt from the wire definitions; passing both to
 * {@link GobEncoder#encode(GobType, Object)} re-encodes it.
 */
public record GobValue(GobType type, Object value) {}
