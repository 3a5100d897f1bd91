package io.voyager.rollouts;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.voyager.rollouts.argo.MetricProviderPlugin;
import io.voyager.rollouts.argo.PluginRpcService;
import io.voyager.rollouts.cli.JudgeCli;
import io.voyager.rollouts.goplugin.GoPluginServer;
import io.voyager.rollouts.goplugin.MagicCookie;
import io.voyager.rollouts.goplugin.PluginEnvironment;
import io.voyager.rollouts.goplugin.PluginListener;
import io.voyager.rollouts.goplugin.StandardStreams;
import io.voyager.rollouts.goplugin.yamux.YamuxSession;
import io.voyager.rollouts.prometheus.PrometheusClient;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The plugin executable: checks go-plugin's magic cookie, listens, prints the handshake line, then
 * serves one host connection until the host sends Control.Quit or hangs up.
 */
@QuarkusMain
public class PluginCommand implements QuarkusApplication {
    static {
        // Started through our own main, an uber-jar gets Quarkus' log manager (stderr, our format)
        // only if it is chosen before the first logger exists, including the one below.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }

    private static final Logger LOG = Logger.getLogger(PluginCommand.class.getName());

    @Inject
    PluginConfig config;

    public static void main(String... args) {
        if (args.length > 0 && JudgeCli.COMMAND.equals(args[0])) {
            // A dry run or post-mortem from a terminal: prints to stdout, needs no container, never serves.
            System.exit(JudgeCli.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        StandardStreams.reserveStdout();
        Quarkus.run(PluginCommand.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        Map<String, String> environment = System.getenv();
        if (!PluginRpcService.HANDSHAKE.isSetIn(environment)) {
            System.err.print(MagicCookie.NOT_A_PROGRAM);
            System.err.flush();
            return 1;
        }
        // Like a Go plugin: Ctrl-C in a terminal is meant for the host, which then stops the plugin itself.
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        // Daemon threads: once run() returns the process exits, even with a call still running.
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "plugin-call");
            thread.setDaemon(true);
            return thread;
        });
        PluginEnvironment env = PluginEnvironment.from(environment);
        MetricProviderPlugin plugin = new MetricProviderPlugin(PrometheusClient.newHttpClient(), Clock.systemUTC());
        GoPluginServer server = new GoPluginServer(
                Map.of(PluginRpcService.PLUGIN_SET_NAME, PluginRpcService.create(plugin)),
                workers,
                config.maxConcurrentCalls());
        try (PluginListener listener = PluginListener.open(env, config.listener())) {
            StandardStreams.printHandshake(listener.handshakeLine());
            LOG.info("plugin " + MetricProviderPlugin.NAME + " listening on " + listener.network() + " "
                    + listener.address());
            PluginListener.Connection connection = listener.accept();
            YamuxSession session = YamuxSession.server(connection.in(), connection.out(), connection, server::onStream);
            Thread quitWatcher = new Thread(
                    () -> {
                        try {
                            server.awaitQuit();
                            session.close();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "plugin-quit");
            quitWatcher.setDaemon(true);
            quitWatcher.start();
            session.awaitTermination();
            LOG.info(server.quitRequested() ? "host asked the plugin to quit" : "host closed the connection");
        } finally {
            workers.shutdownNow();
        }
        return 0;
    }
}
