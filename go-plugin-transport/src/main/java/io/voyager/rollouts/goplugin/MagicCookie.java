package io.voyager.rollouts.goplugin;

import java.util.Map;

/**
 * go-plugin's handshake cookie: the environment variable a host sets to say "you are started as my plugin",
 * and the value it sets. Each kind of host has its own; the program that serves passes its host's.
 */
public record MagicCookie(String key, String value) {
    /** What a Go plugin prints to stderr when a human runs it directly. */
    public static final String NOT_A_PROGRAM = """
            This binary is a plugin. These are not meant to be executed directly.
            Please execute the program that consumes these plugins, which will
            load any plugins automatically
            """;

    /** Whether the process was started by the host this cookie belongs to. */
    public boolean isSetIn(Map<String, String> env) {
        return value.equals(env.get(key));
    }
}
