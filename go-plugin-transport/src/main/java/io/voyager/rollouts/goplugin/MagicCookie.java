package io.voyager.rollouts.goplugin;

/** The handshake cookie Argo Rollouts sets for metric-provider plugins, and go-plugin's refusal text. */
public final class MagicCookie {
    public static final String KEY = "ARGO_ROLLOUTS_RPC_PLUGIN";
    public static final String VALUE = "metricprovider";
    /** What a Go plugin prints to stderr when a human runs it directly. */
    public static final String NOT_A_PROGRAM = """
            This binary is a plugin. These are not meant to be executed directly.
            Please execute the program that consumes these plugins, which will
            load any plugins automatically
            """;

    private MagicCookie() {
    }

    public static boolean matches(PluginEnvironment env) {
        return VALUE.equals(env.cookie());
    }
}
