package io.voyager.gateway.merchant;

import io.vertx.core.net.SocketAddress;
import io.voyager.gateway.util.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The start-up warm-up's merchant API key: made up in this process when the warm-up starts, for
 * the made-up merchant {@link #MERCHANT}, and valid only while the warm-up runs and only on a
 * connection from loopback. A request it authenticates is served by the warm-up's lane (loopback
 * processors, metrics nothing scrapes), never by the real processors. Only its digest is kept, as
 * for real keys; letters only, so no run of it can look like a card number.
 */
@ApplicationScoped
public class WarmUpKey {

    public static final String MERCHANT = "m_warm_up";
    private static final int LENGTH = 40; // 26^40: about 188 bits

    private final SecureRandom random = new SecureRandom();
    private volatile byte[] digest;

    /** A new key, valid until {@link #close}; it replaces any previous one. */
    public String open() {
        StringBuilder key = new StringBuilder("vk_warm_up_");
        for (int i = 0; i < LENGTH; i++) {
            key.append((char) ('a' + random.nextInt(26)));
        }
        String opened = key.toString();
        digest = Sha256.digest(opened);
        return opened;
    }

    public void close() {
        digest = null;
    }

    /** Whether this key, from this peer, is the open warm-up key; compared in constant time. */
    boolean admits(String presentedKey, SocketAddress peer) {
        byte[] open = digest;
        return open != null && loopback(peer) && MessageDigest.isEqual(open, Sha256.digest(presentedKey));
    }

    private static boolean loopback(SocketAddress peer) {
        String host = peer == null ? null : peer.hostAddress();
        return host != null && (host.startsWith("127.") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::1"));
    }
}
