package io.voyager.rollouts.goplugin.gob;

/**
 * Bounds that keep a decoder safe against hostile or corrupt input. Exceeding any of them throws
 * {@link GobException}.
 *
 * @param maxMessageBytes largest single gob message accepted (Go itself allows up to 1 GiB; Argo's biggest
 *     message, the first {@code RunArgs} with the Job provider's pod template, is about 21 KB)
 * @param maxTypeDefinitions most wire type definitions one stream may send (Argo sends about 220 for the
 *     first {@code Plugin.Run})
 * @param maxDepth deepest nesting of values and of type descriptions (Argo's tree is about 15 levels deep)
 * @param maxCollectionLength largest element count of one slice, array or map, and largest byte/string length
 */
public record GobLimits(int maxMessageBytes, int maxTypeDefinitions, int maxDepth, int maxCollectionLength) {

    /** Generous for Argo traffic, small enough that a single stream cannot exhaust a small heap. */
    public static final GobLimits DEFAULT = new GobLimits(16 * 1024 * 1024, 4096, 100, 1_000_000);

    public GobLimits {
        if (maxMessageBytes < 1 || maxTypeDefinitions < 0 || maxDepth < 1 || maxCollectionLength < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
