package io.voyager.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Refuses any target that is not on this machine: the driver only ever loads loopback. */
public final class LoopbackGuard {

    private LoopbackGuard() {}

    public static URI requireLoopback(URI target) {
        String host = target.getHost();
        if (host == null) {
            throw new IllegalArgumentException("target has no host: " + target);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("target " + target + " resolves to " + address.getHostAddress()
                            + ", which is not a loopback address; this driver only loads servers on this machine");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target host does not resolve: " + host, e);
        }
        return target;
    }
}
