package io.voyager.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A test gateway's log written to a file of its own from its very start, so a test can read what the start logged. */
public final class GatewayLog {

    private GatewayLog() {}

    /** The configuration that writes the log to {@code file}, emptied first, plus {@code more}. */
    public static Map<String, String> to(Path file, Map<String, String> more) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(more);
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", file.toString());
        return config;
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
