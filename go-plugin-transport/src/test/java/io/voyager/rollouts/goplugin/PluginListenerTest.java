package io.voyager.rollouts.goplugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginListenerTest {
    @TempDir
    Path dir;

    @Test
    void listensOnAUnixSocketInTheGivenDirectoryAndRemovesItOnClose() throws Exception {
        PluginListener listener = PluginListener.open(new PluginEnvironment(dir, 0, 0), PluginListener.Kind.AUTO);
        Path socket = Path.of(listener.address());

        assertThat(listener.network()).isEqualTo("unix");
        assertThat(socket.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(socket.getFileName().toString()).matches("plugin\\d+");
        try (SocketChannel host = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            host.connect(UnixDomainSocketAddress.of(socket));
            listener.accept().close();
        }
        listener.close();
        assertThat(Files.exists(socket)).isFalse();
    }

    @Test
    void fallsBackToTcpWithinThePortRangeWhenNoSocketCanBeMade() throws Exception {
        Path missing = dir.resolve("does-not-exist");
        try (PluginListener listener =
                PluginListener.open(new PluginEnvironment(missing, 20000, 20100), PluginListener.Kind.AUTO)) {
            assertThat(listener.network()).isEqualTo("tcp");
            int port = Integer.parseInt(listener.address().substring("127.0.0.1:".length()));
            assertThat(port).isBetween(20000, 20100);
            try (SocketChannel host = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
                listener.accept().close();
            }
        }
    }

    @Test
    void takesTheNextPortWhenTheFirstIsBusy() throws Exception {
        PluginEnvironment env = new PluginEnvironment(dir, 21000, 21010);
        try (PluginListener first = PluginListener.open(env, PluginListener.Kind.TCP);
                PluginListener second = PluginListener.open(env, PluginListener.Kind.TCP)) {
            assertThat(first.address()).isNotEqualTo(second.address());
            assertThat(second.handshakeLine()).startsWith("1|1|tcp|127.0.0.1:210");
        }
    }
}
