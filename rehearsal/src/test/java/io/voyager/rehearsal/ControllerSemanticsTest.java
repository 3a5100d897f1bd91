package io.voyager.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the Go tests of the controller imitation: Argo's limits, retry interval, conditions and arguments. */
class ControllerSemanticsTest {

    @Test
    void controllerImitationAppliesArgosAnalysisRules() throws Exception {
        boolean haveGo = Files.isExecutable(Path.of("/usr/bin/go"))
                && Files.isDirectory(Path.of("/usr/share/gocode/src/github.com/hashicorp/go-plugin"));
        if (!haveGo) {
            assertThat("true".equals(System.getenv("CI")))
                    .as("CI=true needs go and go-plugin (golang-go, " + "golang-github-hashicorp-go-plugin-dev)")
                    .isFalse();
            System.err.println("SKIPPING the controller's Go tests: go or /usr/share/gocode go-plugin is missing");
            assumeTrue(false);
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        ProcessBuilder go = new ProcessBuilder("/usr/bin/go", "test", "-count=1", "voyager/rehearsalcontroller")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true);
        go.environment().put("GO111MODULE", "off");
        go.environment().put("GOFLAGS", "");
        go.environment()
                .put(
                        "GOPATH",
                        String.join(
                                ":",
                                root.resolve("rehearsal/go").toString(),
                                root.resolve("rollout-metric-plugin/src/test/go")
                                        .toString(),
                                "/usr/share/gocode"));
        if (System.getenv("HOME") == null && System.getenv("GOCACHE") == null) {
            go.environment()
                    .put("GOCACHE", Path.of("target/go-cache").toAbsolutePath().toString());
        }
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("go test finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
