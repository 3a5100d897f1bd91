package io.voyager.gateway.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text as UTF-8. Compare digests with {@link MessageDigest#isEqual}, which takes constant time. */
public final class Sha256 {

    private Sha256() {}

    /** A fresh digest, for input fed in parts. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static byte[] digest(String text) {
        return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest as 64 lowercase hex digits: what {@code printf %s "$TEXT" | sha256sum} prints. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }
}
