package io.voyager.gateway.processor;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A twin of every processor adapter, wired to a throw-away loopback server that answers in each
 * processor's wire format: the same adapter classes, REST clients, fault-tolerance boundaries and
 * answer mapping as the real calls, with made-up credentials, and no real processor ever called.
 *
 * <p>The server runs on a Vert.x instance of its own, so the gateway's HTTP metrics never see it;
 * the twins' breakers have no name, so no breaker registry, health check or metric sees them. The
 * twins' call deadline is one of their own, longer than a cold first call: a slow first call is
 * not a failure that would open their breakers and stop the warm-up from reaching the adapters.
 */
public final class LoopbackProcessors implements AutoCloseable {

    /** The payment token the loopback server answers with each processor's approval. */
    public static final String APPROVED_TOKEN = "tok_warm_up_approved";
    /** The payment token the loopback server answers with each processor's decline; any other token is approved. */
    public static final String DECLINED_TOKEN = "tok_warm_up_declined";

    private static final Logger LOG = Logger.getLogger(LoopbackProcessors.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final long CLOSE_SECONDS = 5;
    private static final ProcessorCredentials MADE_UP =
            new ProcessorCredentials("warm-up", Optional.empty(), "warm-up");
    private static final CredentialsProvider MADE_UP_CREDENTIALS = new CredentialsProvider() {
        @Override
        public ProcessorCredentials current(String processor) {
            return MADE_UP;
        }

        @Override
        public void forceRefresh(String processor) {}
    };

    private final Vertx vertx;
    private final List<HttpProcessorAdapter<?>> twins = new ArrayList<>();
    private Processors processors;

    private LoopbackProcessors(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Starts the loopback server and a twin of each adapter in {@code real}.
     *
     * @param port the loopback server's port; 0 picks a free one
     * @param callDeadline the twins' processor timeout, also the bound on binding the server
     */
    public static LoopbackProcessors start(
            Processors real, ProcessorsConfig config, BreakerConfig breaker, int port, Duration callDeadline)
            throws Exception {
        Map<ProcessorId, HttpProcessorAdapter<?>> adapters = new EnumMap<>(ProcessorId.class);
        Map<String, LoopbackAnswer[]> answers = new HashMap<>();
        for (ProcessorId id : ProcessorId.values()) {
            if (!(real.get(id) instanceof HttpProcessorAdapter<?> adapter)) {
                throw new IllegalStateException("No HTTP adapter for " + id);
            }
            adapters.put(id, adapter);
            answers.put(id.label(), new LoopbackAnswer[] {
                adapter.twin().approved(), adapter.twin().declined()
            });
        }
        LoopbackProcessors loopback = new LoopbackProcessors(
                Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)));
        try {
            HttpServer server = loopback.vertx
                    .createHttpServer()
                    .requestHandler(request -> request.body().onComplete(body -> answer(request, body, answers)))
                    .listen(port, LOOPBACK)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(callDeadline.toMillis(), TimeUnit.MILLISECONDS);
            String base = "http://" + LOOPBACK + ":" + server.actualPort() + "/";
            ProcessorsConfig twinConfig = new TwinConfig(config, base, Math.max(1, callDeadline.toMillis()));
            ProcessorGuards guards = ProcessorGuards.unregistered(twinConfig, breaker);
            ProcessorEndpoints endpoints = id -> URI.create(base + id.label());
            for (HttpProcessorAdapter<?> adapter : adapters.values()) {
                loopback.twins.add(
                        adapter.twin().constructor().build(twinConfig, endpoints, guards, MADE_UP_CREDENTIALS));
            }
            loopback.processors = Processors.of(loopback.twins);
            return loopback;
        } catch (Exception | Error e) {
            loopback.close();
            throw e;
        }
    }

    /** The twins by id, to authorize through as through the real ones. */
    public Processors processors() {
        return processors;
    }

    /** The processor is the first path segment; the decision is the payment token, in any wire format. */
    private static void answer(
            HttpServerRequest request, AsyncResult<Buffer> body, Map<String, LoopbackAnswer[]> answers) {
        String path = request.path();
        int end = path.indexOf('/', 1);
        LoopbackAnswer[] processor = answers.get(end > 0 ? path.substring(1, end) : "");
        if (processor == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        boolean declined = body.succeeded()
                && body.result().toString(StandardCharsets.UTF_8).contains(DECLINED_TOKEN);
        LoopbackAnswer answer = processor[declined ? 1 : 0];
        request.response()
                .setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json")
                .end(answer.json());
    }

    @Override
    public void close() {
        for (HttpProcessorAdapter<?> twin : twins) {
            twin.closeWireClient();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf(
                    "Loopback processors not closed cleanly: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * The processors' settings as the twins see them: the warm-up's deadline, the loopback server's
     * address, and no credentials, so a real key cannot reach even the loopback server.
     */
    private record TwinConfig(ProcessorsConfig real, String base, long timeoutMs) implements ProcessorsConfig {

        @Override
        public Processor stripe() {
            return twin(ProcessorId.STRIPE);
        }

        @Override
        public Processor adyen() {
            return twin(ProcessorId.ADYEN);
        }

        @Override
        public Processor mercadopago() {
            return twin(ProcessorId.MERCADOPAGO);
        }

        private Processor twin(ProcessorId id) {
            Processor processor = real.of(id);
            URI loopback = URI.create(base + id.label());
            long deadline = timeoutMs;
            return new Processor() {
                @Override
                public boolean enabled() {
                    return processor.enabled();
                }

                @Override
                public URI baseUrl() {
                    return loopback;
                }

                @Override
                public Optional<String> apiKey() {
                    return Optional.empty();
                }

                @Override
                public Optional<String> webhookSecret() {
                    return Optional.empty();
                }

                @Override
                public Optional<String> merchantAccount() {
                    return Optional.empty();
                }

                @Override
                public long timeoutMs() {
                    return deadline;
                }

                @Override
                public long connectTimeoutMs() {
                    return processor.connectTimeoutMs();
                }

                @Override
                public int maxInFlight() {
                    return processor.maxInFlight();
                }
            };
        }
    }
}
