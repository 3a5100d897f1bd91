package io.voyager.rollouts.goplugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What go-plugin's host tells a plugin process through its environment.
 *
 * @param unixSocketDir directory for the socket ({@code PLUGIN_UNIX_SOCKET_DIR}, else {@code TMPDIR}, else /tmp)
 * @param minPort lowest TCP port the host allows ({@code PLUGIN_MIN_PORT}), 0 when unset
 * @param maxPort highest TCP port the host allows ({@code PLUGIN_MAX_PORT}), 0 when unset
 */
public record PluginEnvironment(Path unixSocketDir, int minPort, int maxPort) {

    public static final String UNIX_SOCKET_DIR = "PLUGIN_UNIX_SOCKET_DIR";
    public static final String MIN_PORT = "PLUGIN_MIN_PORT";
    public static final String MAX_PORT = "PLUGIN_MAX_PORT";

    public static PluginEnvironment from(Map<String, String> env) {
        String dir = nonEmpty(env.get(UNIX_SOCKET_DIR))
                .or(() -> nonEmpty(env.get("TMPDIR")))
                .orElse("/tmp");
        return new PluginEnvironment(Path.of(dir), port(env, MIN_PORT), port(env, MAX_PORT));
    }

    private static Optional<String> nonEmpty(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static int port(Map<String, String> env, String key) {
        String value = nonEmpty(env.get(key)).orElse("0").trim();
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(key + " is not a port: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Couldn't get value from " + key + ": " + value, e);
        }
    }
}
