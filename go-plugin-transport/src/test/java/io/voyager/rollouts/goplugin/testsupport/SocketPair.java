package io.voyager.rollouts.goplugin.testsupport;

import io.voyager.rollouts.goplugin.ChannelStreams;
import io.voyager.rollouts.goplugin.PluginEnvironment;
import io.voyager.rollouts.goplugin.PluginListener;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** Two connected ends of a unix socket, made the way the plugin listens and the host dials. */
public record SocketPair(PluginListener.Connection plugin, PluginListener.Connection host) implements Closeable {

    public static SocketPair open(Path dir) throws IOException {
        PluginEnvironment env = new PluginEnvironment(dir, 0, 0);
        try (PluginListener listener = PluginListener.open(env, PluginListener.Kind.UNIX)) {
            SocketChannel dialed = SocketChannel.open(StandardProtocolFamily.UNIX);
            dialed.connect(UnixDomainSocketAddress.of(listener.address()));
            PluginListener.Connection plugin = listener.accept();
            PluginListener.Connection host =
                    new PluginListener.Connection(dialed, ChannelStreams.input(dialed), ChannelStreams.output(dialed));
            return new SocketPair(plugin, host);
        }
    }

    @Override
    public void close() throws IOException {
        plugin.close();
        host.close();
    }
}
