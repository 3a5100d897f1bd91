package io.voyager.rollouts.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the Go programs under src/test/go in GOPATH mode against Debian's go-plugin and yamux
 * sources (/usr/share/gocode), into target/go-bin.
 */
public final class GoPrograms {
    private static final Path DEBIAN_GOCODE = Path.of("/usr/share/gocode");
    private static final Path GO_SOURCES = Path.of("src/test/go").toAbsolutePath();
    private static final Path BIN = Path.of("target/go-bin").toAbsolutePath();
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Map<String, Path> BUILT = new HashMap<>();

    private GoPrograms() {}

    /** The executable of {@code voyager/<name>}, built on first use; fails or skips when Go is missing. */
    public static synchronized Path build(String name) throws IOException, InterruptedException {
        Path built = BUILT.get(name);
        if (built != null) {
            return built;
        }
        Path go = goExecutable().orElse(null);
        if (go == null) {
            ExternalTool.missing("the go toolchain (Debian package golang-go)");
        }
        for (String library : List.of("github.com/hashicorp/go-plugin", "github.com/hashicorp/yamux")) {
            if (!Files.isDirectory(DEBIAN_GOCODE.resolve("src").resolve(library))) {
                ExternalTool.missing("Go sources of " + library + " under " + DEBIAN_GOCODE);
            }
        }
        Files.createDirectories(BIN);
        Path output = BIN.resolve(name);
        Map<String, String> env = new HashMap<>();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", GO_SOURCES + File.pathSeparator + DEBIAN_GOCODE);
        env.put("GOFLAGS", "");
        if (System.getenv("HOME") == null && System.getenv("GOCACHE") == null) {
            env.put("GOCACHE", Path.of("target/go-cache").toAbsolutePath().toString());
        }
        ProcessResult result = Processes.run(
                List.of(go.toString(), "build", "-o", output.toString(), "voyager/" + name),
                env,
                GO_SOURCES,
                BUILD_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new AssertionError("go build voyager/" + name + " failed\n" + result.describe());
        }
        BUILT.put(name, output);
        return output;
    }

    private static Optional<Path> goExecutable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "go");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/lib/go/bin/go");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }
}
