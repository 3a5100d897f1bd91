package io.voyager.rollouts.goplugin;

/**
 * The one line a plugin prints on stdout: {@code CORE|APP|NETWORK|ADDRESS|PROTOCOL}.
 * Core protocol 1 is go-plugin's; app protocol 1 is the only version Argo knows.
 */
public final class HandshakeLine {
    public static final int CORE_PROTOCOL_VERSION = 1;
    public static final int APP_PROTOCOL_VERSION = 1;
    public static final String PROTOCOL = "netrpc";

    private HandshakeLine() {}

    public static String of(String network, String address) {
        return CORE_PROTOCOL_VERSION + "|" + APP_PROTOCOL_VERSION + "|" + network + "|" + address + "|" + PROTOCOL;
    }
}
