package io.voyager.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsFileTest {

    @TempDir
    Path dir;

    private final TrafficSplit split = new TrafficSplit(
            List.of(
                    URI.create("http://127.0.0.1:1"),
                    URI.create("http://127.0.0.1:2"),
                    URI.create("http://127.0.0.1:3")),
            new int[] {100, 100, 0});

    @Test
    void movesTheSplitToTheWeightsInTheFile() throws Exception {
        Path file = dir.resolve("weights");
        Files.writeString(file, "95 95 10\n");

        assertThat(new WeightsFile(file).applyTo(split)).isTrue();

        assertThat(canaryShareOf200()).isEqualTo(10);
    }

    @Test
    void acceptsCommasBetweenWeights() throws Exception {
        Path file = dir.resolve("weights");
        Files.writeString(file, "0,0,200");

        new WeightsFile(file).applyTo(split);

        assertThat(canaryShareOf200()).isEqualTo(200);
    }

    @Test
    void followsLaterRewritesOfTheFile() throws Exception {
        Path file = dir.resolve("weights");
        WeightsFile weights = new WeightsFile(file);
        Files.writeString(file, "95 95 10");
        weights.applyTo(split);
        Files.writeString(file, "100 100 0");

        assertThat(weights.applyTo(split)).isTrue();

        assertThat(canaryShareOf200()).isZero();
    }

    @Test
    void keepsTheSplitWhenTheFileDoesNotParse() throws Exception {
        Path file = dir.resolve("weights");
        WeightsFile weights = new WeightsFile(file);
        Files.writeString(file, "95 95 10");
        weights.applyTo(split);

        Files.writeString(file, "95 95");
        assertThat(weights.applyTo(split)).as("wrong number of weights").isFalse();
        Files.writeString(file, "95 95 ten");
        assertThat(weights.applyTo(split)).as("not a number").isFalse();

        assertThat(canaryShareOf200()).isEqualTo(10);
    }

    @Test
    void keepsTheSplitWhileTheFileIsMissing() {
        assertThat(new WeightsFile(dir.resolve("absent")).applyTo(split)).isFalse();

        assertThat(canaryShareOf200()).isZero();
    }

    private int canaryShareOf200() {
        int canary = 0;
        for (long i = 0; i < 200; i++) {
            if (split.targetIndexFor(i) == 2) {
                canary++;
            }
        }
        return canary;
    }
}
