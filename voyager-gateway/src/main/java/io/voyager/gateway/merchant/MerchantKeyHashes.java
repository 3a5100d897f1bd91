package io.voyager.gateway.merchant;

import io.voyager.gateway.util.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The merchants' API keys as SHA-256 digests: the gateway never holds a key itself. A merchant may
 * have several digests at once, so a new key can be issued before the old one is withdrawn.
 */
public final class MerchantKeyHashes {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private record Entry(String merchant, byte[] digest) {}

    private final List<Entry> entries;

    private MerchantKeyHashes(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static MerchantKeyHashes empty() {
        return new MerchantKeyHashes(List.of());
    }

    /**
     * Digests per merchant, as hex. {@code source} names where they came from, for the message when
     * one is not a SHA-256 hex digest; the message never quotes the value.
     */
    public static MerchantKeyHashes of(Map<String, ? extends List<String>> hexDigests, String source) {
        List<Entry> entries = new ArrayList<>();
        hexDigests.forEach((merchant, digests) -> {
            for (String hex : digests) {
                String trimmed = hex.strip();
                if (!SHA256_HEX.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException(source + ": a key hash of merchant " + merchant
                            + " is not 64 hex digits (store sha256 of the key, never the key)");
                }
                entries.add(new Entry(merchant, HexFormat.of().parseHex(trimmed)));
            }
        });
        return new MerchantKeyHashes(entries);
    }

    public MerchantKeyHashes plus(MerchantKeyHashes other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new MerchantKeyHashes(all);
    }

    /**
     * The merchants this key belongs to (one, except for a shared test key); empty for an unknown key.
     * Every stored digest is compared, each in constant time, so the time taken does not depend on
     * which digest (if any) matched or how many bytes agreed.
     */
    public Set<String> merchantsOf(String presentedKey) {
        byte[] presented = Sha256.digest(presentedKey);
        Set<String> matches = new TreeSet<>();
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                matches.add(entry.merchant());
            }
        }
        return matches;
    }

    public int merchantCount() {
        Map<String, Boolean> merchants = new LinkedHashMap<>();
        entries.forEach(entry -> merchants.put(entry.merchant(), Boolean.TRUE));
        return merchants.size();
    }

    /** The hex digest to store for a key: {@code printf %s "$KEY" | sha256sum}. */
    public static String sha256Hex(String key) {
        return Sha256.hex(key);
    }
}
