package io.voyager.rollouts.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginEnvironmentTest {

    private static final MagicCookie COOKIE = new MagicCookie("ARGO_ROLLOUTS_RPC_PLUGIN", "metricprovider");

    @Test
    void readsWhatArgosHostSets() {
        Map<String, String> environment = Map.of(
                "ARGO_ROLLOUTS_RPC_PLUGIN", "metricprovider",
                "PLUGIN_MIN_PORT", "10000",
                "PLUGIN_MAX_PORT", "25000",
                "PLUGIN_PROTOCOL_VERSIONS", "1");
        PluginEnvironment env = PluginEnvironment.from(environment);

        assertThat(COOKIE.isSetIn(environment)).isTrue();
        assertThat(env.minPort()).isEqualTo(10000);
        assertThat(env.maxPort()).isEqualTo(25000);
        assertThat(env.unixSocketDir()).isEqualTo(Path.of("/tmp"));
    }

    @Test
    void socketDirectoryPrefersPluginUnixSocketDirThenTmpdir() {
        assertThat(PluginEnvironment.from(Map.of("TMPDIR", "/var/tmp")).unixSocketDir())
                .isEqualTo(Path.of("/var/tmp"));
        assertThat(PluginEnvironment.from(Map.of("TMPDIR", "/var/tmp", "PLUGIN_UNIX_SOCKET_DIR", "/run/plugins"))
                        .unixSocketDir())
                .isEqualTo(Path.of("/run/plugins"));
    }

    @Test
    void otherCookieValuesAreRefused() {
        assertThat(COOKIE.isSetIn(Map.of())).isFalse();
        assertThat(COOKIE.isSetIn(Map.of("ARGO_ROLLOUTS_RPC_PLUGIN", "trafficrouter")))
                .isFalse();
    }

    @Test
    void malformedPortsAreNamedInTheError() {
        assertThatThrownBy(() -> PluginEnvironment.from(Map.of("PLUGIN_MIN_PORT", "ten")))
                .hasMessageContaining("PLUGIN_MIN_PORT");
        assertThatThrownBy(() -> PluginEnvironment.from(Map.of("PLUGIN_MAX_PORT", "70000")))
                .hasMessageContaining("PLUGIN_MAX_PORT");
    }

    @Test
    void handshakeLineHasGoPluginsFiveFields() {
        assertThat(HandshakeLine.of("unix", "/tmp/plugin42")).isEqualTo("1|1|unix|/tmp/plugin42|netrpc");
    }
}
