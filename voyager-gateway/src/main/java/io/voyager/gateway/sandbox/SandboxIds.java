package io.voyager.gateway.sandbox;

import java.security.SecureRandom;

/** Reference ids in each processor's style. */
final class SandboxIds {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxIds() {}

    static String stripe(String prefix) {
        return prefix + random(ALPHANUMERIC, 24);
    }

    static String adyen() {
        return random(UPPER, 16);
    }

    static long mercadoPago() {
        return 1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L;
    }

    private static String random(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
