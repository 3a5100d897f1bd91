package io.voyager.rollouts.goplugin;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * The socket the host connects to: a unix socket like Go plugins use, or TCP on 127.0.0.1 within
 * the host's port range when a unix socket cannot be created (or is not wanted).
 */
public final class PluginListener implements Closeable {

    /** Which listener to open. */
    public enum Kind {
        AUTO,
        UNIX,
        TCP
    }

    /** One accepted connection with streams that read and write independently. */
    public record Connection(SocketChannel channel, InputStream in, OutputStream out) implements Closeable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final Logger LOG = Logger.getLogger(PluginListener.class.getName());
    /** Longer unix socket paths do not fit sockaddr_un on every platform. */
    private static final int MAX_UNIX_PATH = 100;

    private static final int UNIX_NAME_ATTEMPTS = 10;

    private final ServerSocketChannel server;
    private final String network;
    private final String address;
    private final Path socketFile;

    private PluginListener(ServerSocketChannel server, String network, String address, Path socketFile) {
        this.server = server;
        this.network = network;
        this.address = address;
        this.socketFile = socketFile;
    }

    public static PluginListener open(PluginEnvironment env, Kind kind) throws IOException {
        if (kind == Kind.TCP) {
            return openTcp(env);
        }
        try {
            return openUnix(env.unixSocketDir());
        } catch (IOException | UnsupportedOperationException e) {
            if (kind == Kind.UNIX) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            LOG.warning("no unix socket in " + env.unixSocketDir() + " (" + e.getMessage() + "), using TCP");
            return openTcp(env);
        }
    }

    private static PluginListener openUnix(Path dir) throws IOException {
        SecureRandom random = new SecureRandom();
        IOException last = null;
        for (int attempt = 0; attempt < UNIX_NAME_ATTEMPTS; attempt++) {
            Path path = dir.toAbsolutePath().resolve("plugin" + Integer.toUnsignedString(random.nextInt()));
            if (path.toString().length() > MAX_UNIX_PATH) {
                throw new IOException("socket path too long: " + path);
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(path));
                return new PluginListener(server, "unix", path.toString(), path);
            } catch (IOException e) {
                server.close();
                last = e;
            }
        }
        throw last;
    }

    private static PluginListener openTcp(PluginEnvironment env) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        if (env.minPort() == 0 && env.maxPort() == 0) {
            return bindTcp(new InetSocketAddress(loopback, 0));
        }
        IOException last = new IOException("empty port range " + env.minPort() + "-" + env.maxPort());
        for (int port = env.minPort(); port <= env.maxPort(); port++) {
            try {
                return bindTcp(new InetSocketAddress(loopback, port));
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no free port in " + env.minPort() + "-" + env.maxPort(), last);
    }

    private static PluginListener bindTcp(InetSocketAddress address) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            server.bind(address);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
        return new PluginListener(server, "tcp", "127.0.0.1:" + bound.getPort(), null);
    }

    public String network() {
        return network;
    }

    public String address() {
        return address;
    }

    public String handshakeLine() {
        return HandshakeLine.of(network, address);
    }

    /** Waits for the host to connect. */
    public Connection accept() throws IOException {
        SocketChannel channel = server.accept();
        return new Connection(channel, ChannelStreams.input(channel), ChannelStreams.output(channel));
    }

    /** Stops listening and removes the socket file. */
    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);
            }
        }
    }
}
