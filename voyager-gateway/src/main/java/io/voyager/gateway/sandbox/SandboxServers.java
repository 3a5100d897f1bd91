package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.voyager.gateway.processor.ProcessorId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs each sandbox processor on its own loopback port, so the gateway talks to it over real HTTP
 * exactly as to the real API, and "processor down" can be what it is in production: a port that
 * refuses connections.
 *
 * <p>Each listener keeps its port for the life of the process: a processor that is down (configured
 * {@code voyager.sandbox.faults.<p>.down=true}, or set through the fault knob) has its listener
 * closed, so a connection to that port gets a TCP reset (ECONNREFUSED), the gateway's client
 * retries once and the route's next processor is tried.
 *
 * <p>The listeners run on their own Vert.x instance, as a separate process would: the gateway's
 * HTTP metrics then count only the gateway's own routes.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class SandboxServers {

    private static final Logger LOG = Logger.getLogger(SandboxServers.class);
    private static final long BIND_TIMEOUT_SECONDS = 10;

    private static final int EVENT_LOOPS = 2;

    /*
     * A port left to the kernel (0) comes from the ephemeral range (Linux: 32768-60999). Once a down
     * processor's listener closes, the kernel may hand that port to any other socket, even as the
     * local port of a connection to it (a TCP self-connect), and "down" would then accept. Ports
     * below that range are only ever taken by an explicit bind.
     */
    private static final int FIRST_PICKED_PORT = 20000;
    private static final int PICKED_PORTS = 12000;
    private static final int PICK_ATTEMPTS = 64;

    private Vertx vertx;
    private final SandboxConfig config;
    private final SandboxFaults faults;
    private final SandboxLedger ledger = new SandboxLedger();
    private final Map<ProcessorId, SandboxApi> apis = new EnumMap<>(ProcessorId.class);
    private final Map<ProcessorId, Integer> ports = new EnumMap<>(ProcessorId.class);
    private final Map<ProcessorId, HttpServer> servers = new EnumMap<>(ProcessorId.class);
    private final Map<ProcessorId, AtomicLong> received = new EnumMap<>(ProcessorId.class);
    private boolean started;

    SandboxServers(SandboxConfig config, SandboxFaults faults) {
        this.config = config;
        this.faults = faults;
        for (SandboxApi api : List.of(
                new StripeSandbox(config.accepts()),
                new AdyenSandbox(config.accepts()),
                new MercadoPagoSandbox(config.accepts()))) {
            apis.put(api.id(), api);
        }
        ports.put(ProcessorId.STRIPE, config.ports().stripe());
        ports.put(ProcessorId.ADYEN, config.ports().adyen());
        ports.put(ProcessorId.MERCADOPAGO, config.ports().mercadopago());
        for (ProcessorId id : ProcessorId.values()) {
            received.put(id, new AtomicLong());
        }
    }

    void start(@Observes StartupEvent event) {
        ensureStarted();
    }

    /** Binds every listener once (a down processor's is closed again, keeping its port). */
    private synchronized void ensureStarted() {
        if (started || !config.enabled()) {
            return;
        }
        started = true;
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        for (ProcessorId id : ProcessorId.values()) {
            listen(id);
            applyDown(id, faults.of(id).down());
        }
        LOG.infof(
                "Sandbox processors listening: stripe %s, adyen %s, mercadopago %s",
                baseUri(ProcessorId.STRIPE), baseUri(ProcessorId.ADYEN), baseUri(ProcessorId.MERCADOPAGO));
    }

    /** The processor's listener address, binding the listeners first if nothing has yet. */
    public URI listenerUri(ProcessorId processor) {
        ensureStarted();
        return baseUri(processor);
    }

    void stop(@Observes ShutdownEvent event) {
        if (vertx == null) {
            return;
        }
        for (ProcessorId id : ProcessorId.values()) {
            close(id);
        }
        vertx.close();
    }

    public boolean active() {
        return config.enabled();
    }

    public URI baseUri(ProcessorId processor) {
        return URI.create("http://" + config.host() + ":" + ports.get(processor));
    }

    /** Opens or closes the processor's listener; closed, its port refuses connections. */
    synchronized void applyDown(ProcessorId processor, boolean down) {
        if (down) {
            close(processor);
        } else if (!servers.containsKey(processor)) {
            listen(processor);
        }
    }

    private void listen(ProcessorId processor) {
        int configured = ports.get(processor);
        if (configured != 0) {
            bind(processor, configured);
            return;
        }
        int start = ThreadLocalRandom.current().nextInt(PICKED_PORTS);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            int candidate = FIRST_PICKED_PORT + (start + attempt * 193) % PICKED_PORTS;
            try {
                bind(processor, candidate);
                return;
            } catch (IllegalStateException inUse) {
                last = inUse;
            }
        }
        throw last;
    }

    private void bind(ProcessorId processor, int port) {
        SandboxApi api = apis.get(processor);
        Router router = Router.router(vertx);
        router.post(api.path())
                .handler(BodyHandler.create().setBodyLimit(64 * 1024))
                .handler(ctx -> handle(api, ctx));
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(port, config.host())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            servers.put(processor, server);
            ports.put(processor, server.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Sandbox " + processor + " could not listen on " + config.host() + ":" + port, e);
        }
    }

    private synchronized void close(ProcessorId processor) {
        HttpServer server = servers.remove(processor);
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf(
                        "Sandbox %s listener did not close cleanly: %s",
                        processor, e.getClass().getSimpleName());
            }
        }
    }

    /** Requests this sandbox processor has received since start, as the processor would count them. */
    public long received(ProcessorId processor) {
        return received.get(processor).get();
    }

    private void handle(SandboxApi api, RoutingContext ctx) {
        received.get(api.id()).incrementAndGet();
        SandboxReply refusal = api.refusal(ctx);
        if (refusal != null) {
            reply(ctx, refusal, 0, false);
            return;
        }
        FaultSettings fault = faults.of(api.id());
        long latency = baseLatencyMs() + fault.latencyMs();
        String key = api.idempotencyKey(ctx);
        SandboxReply replay = ledger.find(api.id(), key);
        if (replay != null) {
            reply(ctx, replay, latency, true);
            return;
        }
        SandboxScenario scenario = SandboxScenario.of(api.token(ctx));
        if (fault.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
            scenario = SandboxScenario.ERROR;
        }
        SandboxReply answer = switch (scenario) {
            case APPROVED -> api.approved(ctx);
            case DECLINED -> api.declined(ctx);
            case ERROR, TIMEOUT -> api.serverError();
        };
        if (scenario == SandboxScenario.TIMEOUT) {
            latency = Math.max(latency, config.hangMs());
        } else if (scenario != SandboxScenario.ERROR) {
            ledger.remember(api.id(), key, answer);
        }
        reply(ctx, answer, latency, false);
    }

    private long baseLatencyMs() {
        int min = config.latency().minMs();
        int max = Math.max(min, config.latency().maxMs());
        return min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1L);
    }

    private void reply(RoutingContext ctx, SandboxReply reply, long delayMs, boolean replayed) {
        Runnable send = () -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json");
            if (replayed) {
                ctx.response().putHeader("Idempotent-Replayed", "true");
            }
            ctx.response().end(reply.body().encode());
        };
        if (delayMs <= 0) {
            send.run();
        } else {
            vertx.setTimer(delayMs, id -> send.run());
        }
    }
}
