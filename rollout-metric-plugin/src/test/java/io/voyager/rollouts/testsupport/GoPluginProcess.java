package io.voyager.rollouts.testsupport;

import io.voyager.rollouts.goplugin.ChannelStreams;
import io.voyager.rollouts.goplugin.testsupport.GoPluginClient;
import io.voyager.rollouts.goplugin.testsupport.RpcClient;
import io.voyager.rollouts.goplugin.yamux.YamuxSession;
import io.voyager.rollouts.goplugin.yamux.YamuxStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A go-plugin host written with our Java transport: launches a plugin executable with Argo's
 * handshake, connects, opens the control and stdio streams, and dispenses plugins through the broker.
 */
public final class GoPluginProcess implements Closeable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private final Process process;
    private final GoPluginClient client;

    private GoPluginProcess(Process process, GoPluginClient client) {
        this.process = process;
        this.client = client;
    }

    public static GoPluginProcess start(Path executable, Path workDir) throws Exception {
        return start(executable, workDir, Map.of());
    }

    /** Like {@link #start(Path, Path)}, with extra environment variables for the plugin. */
    public static GoPluginProcess start(Path executable, Path workDir, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(executable.toString())
                .directory(workDir.toFile())
                .redirectError(
                        workDir.resolve(executable.getFileName() + ".stderr").toFile());
        builder.environment().putAll(env);
        builder.environment().put("ARGO_ROLLOUTS_RPC_PLUGIN", "metricprovider");
        builder.environment().put("PLUGIN_MIN_PORT", "10000");
        builder.environment().put("PLUGIN_MAX_PORT", "25000");
        builder.environment().put("PLUGIN_PROTOCOL_VERSIONS", "1");
        Process process = builder.start();
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(stdout))
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String[] fields = line.trim().split("\\|", -1);
            if (fields.length < 5 || !fields[0].equals("1") || !fields[1].equals("1") || !fields[4].equals("netrpc")) {
                throw new IOException("unexpected handshake line: " + line);
            }
            SocketChannel channel = connect(fields[2], fields[3]);
            return new GoPluginProcess(
                    process,
                    new GoPluginClient(ChannelStreams.input(channel), ChannelStreams.output(channel), channel));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SocketChannel connect(String network, String address) throws IOException {
        if (network.equals("unix")) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(address));
            return channel;
        }
        int colon = address.lastIndexOf(':');
        SocketAddress tcp =
                new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        return SocketChannel.open(tcp);
    }

    public YamuxSession session() {
        return client.session();
    }

    public RpcClient dispense(String pluginName) throws IOException {
        return client.dispense(pluginName);
    }

    /** A net/rpc client that keeps many calls in flight on the dispensed plugin's one stream. */
    public PipelinedRpcClient dispensePipelined(String pluginName) throws IOException {
        YamuxStream stream = client.dispenseStream(pluginName);
        return new PipelinedRpcClient(stream.input(), stream.output());
    }

    /** Hangs up without {@code Control.Quit}, as a controller that dies or loses the connection does. */
    public void disconnect() {
        client.session().close();
    }

    /** The exit status once the plugin has exited by itself, or -1 if it is still running after {@code grace}. */
    public int awaitExit(Duration grace) throws InterruptedException {
        return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void ping() throws IOException {
        client.ping();
    }

    /** {@code Control.Quit}, then hang up; returns the exit status, or -1 if the plugin had to be killed. */
    public int quit(Duration grace) throws IOException, InterruptedException {
        client.quit();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor();
        return -1;
    }

    @Override
    public void close() {
        client.session().close();
        process.destroyForcibly();
    }
}
