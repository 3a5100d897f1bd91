package io.voyager.rollouts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The single-file JVM launcher the package phase builds. */
public final class Launcher {
    private Launcher() {}

    public static Path path() {
        Path launcher = Path.of(System.getProperty("voyager.launcher", "target/voyager-canary-judge"))
                .toAbsolutePath();
        assertThat(Files.isExecutable(launcher))
                .as("%s is built by the package phase", launcher)
                .isTrue();
        return launcher;
    }
}
