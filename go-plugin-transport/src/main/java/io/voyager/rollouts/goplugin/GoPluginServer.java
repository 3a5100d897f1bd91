package io.voyager.rollouts.goplugin;

import io.voyager.rollouts.goplugin.netrpc.RpcServer;
import io.voyager.rollouts.goplugin.netrpc.RpcServices;
import io.voyager.rollouts.goplugin.yamux.YamuxStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * go-plugin's net/rpc server on a yamux session: the host's first stream is the control stream, the
 * next two mirror the plugin's stdout and stderr, every later one comes through the {@link MuxBroker}.
 */
public final class GoPluginServer {
    private static final Logger LOG = Logger.getLogger(GoPluginServer.class.getName());
    private static final int CONTROL = 0;
    private static final int STDOUT_MIRROR = 1;
    private static final int STDERR_MIRROR = 2;

    private final Map<String, RpcServices> plugins;
    private final MuxBroker broker = new MuxBroker();
    private final RpcServices control;
    private final ExecutorService workers;
    private final int maxConcurrentCalls;
    private final CountDownLatch quit = new CountDownLatch(1);

    /** @param plugins net/rpc services by the name the host dispenses, e.g. "RpcMetricProviderPlugin" */
    public GoPluginServer(Map<String, RpcServices> plugins, ExecutorService workers, int maxConcurrentCalls) {
        this.plugins = Map.copyOf(plugins);
        this.workers = workers;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.control = ControlServices.create(broker, this.plugins.keySet(), quit::countDown);
    }

    /** The yamux acceptor: called once per stream the host opens, on that stream's own thread. */
    public void onStream(YamuxStream stream) {
        try {
            switch (stream.acceptIndex()) {
                case CONTROL -> serve(stream, control);
                case STDOUT_MIRROR, STDERR_MIRROR -> drain(stream.input());
                default -> serve(stream, plugins.get(broker.accept(stream.input(), stream.output())));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "stream " + stream.id() + " failed: " + e.getMessage(), e);
            stream.reset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.reset();
        }
    }

    /** Blocks until the host asked the plugin to quit. */
    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    /** Waits at most {@code timeout} for the host to ask the plugin to quit. */
    public boolean awaitQuit(java.time.Duration timeout) throws InterruptedException {
        return quit.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public boolean quitRequested() {
        return quit.getCount() == 0;
    }

    private void serve(YamuxStream stream, RpcServices services) throws IOException, InterruptedException {
        new RpcServer(services, workers, maxConcurrentCalls).serve(stream.input(), stream.output());
        stream.close();
    }

    /** The host never writes to the mirrors; read until it closes them so nothing piles up. */
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // discarded
        }
    }
}
