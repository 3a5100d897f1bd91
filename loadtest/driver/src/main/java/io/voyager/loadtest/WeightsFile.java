package io.voyager.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Target weights kept in a file that another process rewrites while a run goes on, the way a canary
 * controller moves NGINX's canary weight. The file holds one integer per target, separated by spaces or
 * commas, in the order of the targets. Writers replace it atomically (write aside, then rename), so a
 * read never sees half a line; a file that does not parse leaves the split as it was.
 */
public final class WeightsFile {

    private final Path path;
    private String applied;

    public WeightsFile(Path path) {
        this.path = path;
    }

    /** Applies the file's weights if they changed since the last call; true when the split changed. */
    public boolean applyTo(TrafficSplit split) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            System.err.println("load-driver: cannot read weights file " + path + ": " + e.getMessage());
            return false;
        }
        if (text.equals(applied)) {
            return false;
        }
        applied = text;
        try {
            split.setWeights(parse(text));
            return true;
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: ignoring weights \"" + text + "\" from " + path + ": " + e.getMessage());
            return false;
        }
    }

    static int[] parse(String text) {
        String[] parts = text.strip().split("[\\s,]+");
        int[] weights = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                weights[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a weight: " + parts[i], e);
            }
        }
        return weights;
    }
}
