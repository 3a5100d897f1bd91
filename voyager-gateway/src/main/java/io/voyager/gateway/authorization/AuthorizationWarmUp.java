package io.voyager.gateway.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.voyager.gateway.merchant.WarmUpKey;
import io.voyager.gateway.observability.UnscrapedMetrics;
import io.voyager.gateway.observability.WarmUpTraffic;
import io.voyager.gateway.problem.ProblemException;
import io.voyager.gateway.processor.BreakerConfig;
import io.voyager.gateway.processor.LoopbackProcessors;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorRouter;
import io.voyager.gateway.processor.Processors;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Before the gateway is ready, sends {@code voyager.warm-up.requests} made-up authorizations to its
 * own HTTP port over loopback, so a new pod's first payments are served at warm speed. They take the
 * whole path a real one takes: the HTTP server, the request filters, merchant authentication (with a
 * made-up key, {@link WarmUpKey}), body parsing and validation, routing, the service, each processor
 * adapter's request building, REST client and answer mapping inside its fault-tolerance boundary,
 * metrics recording and the JSON answer, approved and declined, on every processor.
 *
 * <p>What they never reach: the real processors (the warm-up's lane, {@link #lane}, calls twins of
 * the adapters on a loopback server, {@link LoopbackProcessors}, with made-up credentials, and
 * breakers registered nowhere), the exported metrics (the lane records into registries nothing
 * scrapes, {@link UnscrapedMetrics}; its HTTP samples are refused, {@link WarmUpTraffic}), real
 * merchant keys or credentials, and the log (the data is made up, a token, never a card number).
 *
 * <p>Starts when the HTTP server listens; {@link WarmUpReadiness} holds readiness DOWN until it is
 * over. It never keeps the pod out of service: past {@code voyager.warm-up.max-duration} from the
 * start it sends no more, and a failure stops it; either way it logs a warning (the exception type
 * or HTTP status, nothing else) and readiness goes UP.
 */
@Startup
@ApplicationScoped
public class AuthorizationWarmUp {

    public enum State {
        RUNNING,
        /** Every request was sent and answered by the lane. */
        DONE,
        /** Stopped at its time budget. */
        STOPPED,
        /** Stopped by a failure: the target or the lane did not answer as it should. */
        FAILED,
        /** Still running past its budget and the grace to finish: readiness no longer waits for it. */
        OVERRAN,
        OFF;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a finished warm-up did.
     *
     * @param answers how many made-up authorizations ended how: "stripe authorized", "adyen declined", ...
     */
    public record Summary(int sent, long millis, Map<String, Long> answers) {}

    /**
     * Fired on the warm-up's thread once its lane is open, just before the first request: observers
     * run while readiness is still DOWN, and the warm-up waits for them.
     */
    public record Starting(int requests, Duration maxDuration) {}

    private static final Logger LOG = Logger.getLogger(AuthorizationWarmUp.class);
    /** The production mix's currencies, routed as configured. */
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "BRL", "MXN", "JPY");

    private static final Map<ProcessorId, String> HOME_CURRENCY =
            Map.of(ProcessorId.STRIPE, "USD", ProcessorId.ADYEN, "EUR", ProcessorId.MERCADOPAGO, "BRL");
    /** The twins' call deadline: a cold first call is slow, not a timeout. */
    private static final Duration TWIN_TIMEOUT = Duration.ofSeconds(3);
    /** Past the budget: time for the requests in flight to be answered (longer than a twin's deadline). */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final WarmUpConfig config;
    private final ProcessorRouter router;
    private final Processors processors;
    private final ProcessorsConfig processorsConfig;
    private final BreakerConfig breaker;
    private final AuthorizationConfig authorization;
    private final WarmUpKey key;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final Instance<MeterFilter> meterFilters;
    private final Event<Starting> starting;
    private final ValueRegistry values;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean launched = new AtomicBoolean();
    private final AtomicBoolean overranTold = new AtomicBoolean();
    private volatile State state;
    private volatile Summary summary;
    private volatile AuthorizationService lane;
    private volatile boolean stopping;
    private volatile Thread thread;

    AuthorizationWarmUp(
            WarmUpConfig config,
            ProcessorRouter router,
            Processors processors,
            ProcessorsConfig processorsConfig,
            BreakerConfig breaker,
            AuthorizationConfig authorization,
            WarmUpKey key,
            Vertx vertx,
            ObjectMapper json,
            Instance<MeterFilter> meterFilters,
            Event<Starting> starting,
            ValueRegistry values) {
        this.config = config;
        this.router = router;
        this.processors = processors;
        this.processorsConfig = processorsConfig;
        this.breaker = breaker;
        this.authorization = authorization;
        this.key = key;
        this.vertx = vertx;
        this.json = json;
        this.meterFilters = meterFilters;
        this.starting = starting;
        this.values = values;
        this.state = config.enabled() ? State.RUNNING : State.OFF;
        if (!config.enabled()) {
            LOG.info("Warm-up of the authorization path is off (voyager.warm-up.enabled=false)");
        }
    }

    void serverStarted(@ObservesAsync HttpServerStart event) {
        if (state != State.RUNNING || !launched.compareAndSet(false, true)) {
            return;
        }
        String host = event.options().getHost();
        int port = event.options().getPort();
        Thread warmUp = new Thread(() -> run(host, port), "voyager-warm-up");
        warmUp.setDaemon(true);
        thread = warmUp;
        warmUp.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        key.close();
        Thread running = thread;
        if (running != null) {
            running.join(GRACE.toMillis());
        }
    }

    public State state() {
        State current = state;
        if (current == State.RUNNING
                && System.nanoTime() - startedNanos
                        > config.maxDuration().plus(GRACE).toNanos()) {
            if (overranTold.compareAndSet(false, true)) {
                LOG.warnf(
                        "Warm-up of the authorization path still running %d ms after the start "
                                + "(voyager.warm-up.max-duration and %d ms to finish); readiness no longer waits for it",
                        config.maxDuration().plus(GRACE).toMillis(), GRACE.toMillis());
            }
            return State.OVERRAN;
        }
        return current;
    }

    /** Whether readiness may go UP: the warm-up is over, in any way, or off. */
    public boolean over() {
        return state() != State.RUNNING;
    }

    /** Present once the warm-up ended, whether done, stopped or failed. */
    public Optional<Summary> summary() {
        return Optional.ofNullable(summary);
    }

    /**
     * The service of the warm-up's lane, for requests authenticated with {@link WarmUpKey}: the real
     * router and service code over the loopback twins of the adapters and metrics nothing scrapes.
     */
    AuthorizationService lane() {
        AuthorizationService current = lane;
        if (current == null) {
            throw ProblemException.unavailable("The warm-up is over", authorization.retryAfterSeconds());
        }
        return current;
    }

    private void run(String serverHost, int serverPort) {
        long deadline = startedNanos + config.maxDuration().toNanos();
        List<Buffer> bodies = bodies();
        Drive drive = null;
        try (UnscrapedMetrics metrics = new UnscrapedMetrics(meterFilters);
                LoopbackProcessors loopback = LoopbackProcessors.start(
                        processors, processorsConfig, breaker, config.targetPort(), TWIN_TIMEOUT)) {
            lane = new AuthorizationService(router, loopback.processors(), metrics.authorizations(), authorization);
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setDefaultHost(connectHost(serverHost))
                            .setDefaultPort(port(serverPort))
                            .setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(config.inFlight()));
            try {
                drive = new Drive(client, "Bearer " + key.open(), bodies, deadline);
                starting.fire(new Starting(config.requests(), config.maxDuration()));
                drive.start(config.inFlight())
                        .get(Math.max(0, deadline - System.nanoTime()) + GRACE.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                key.close();
                client.close().toCompletionStage().toCompletableFuture().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                lane = null;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            finish(State.FAILED, drive);
            LOG.warnf(
                    "Warm-up of the authorization path stopped after %d made-up authorizations (%s); "
                            + "readiness does not wait for it",
                    summary.sent(), reason(e));
            LOG.debug("Warm-up failure", e);
            return;
        }
        if (drive.failure.get() != null) {
            finish(State.FAILED, drive);
            LOG.warnf(
                    "Warm-up of the authorization path stopped after %d made-up authorizations: %s; "
                            + "readiness does not wait for it",
                    summary.sent(), drive.failure.get());
        } else if (drive.sent.get() < config.requests() && !stopping) {
            finish(State.STOPPED, drive);
            LOG.warnf(
                    "Warm-up of the authorization path reached voyager.warm-up.max-duration (%d ms) after %d of %d "
                            + "made-up authorizations; ready without the rest",
                    config.maxDuration().toMillis(), summary.sent(), config.requests());
        } else {
            finish(State.DONE, drive);
            LOG.infof(
                    "Authorization path warmed up in %d ms: %d made-up authorizations through the gateway's own "
                            + "port, answers %s",
                    summary.millis(), summary.sent(), summary.answers());
        }
    }

    /** The type of what went wrong, through the wrappers of waiting: never a message, which may quote input. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private void finish(State end, Drive drive) {
        Map<String, Long> answers = new TreeMap<>();
        int sent = 0;
        if (drive != null) {
            drive.answers.forEach((outcome, count) -> answers.put(outcome, count.sum()));
            sent = drive.sent.get();
        }
        summary = new Summary(
                sent,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
                Collections.unmodifiableMap(answers));
        state = end;
    }

    /** Each enabled processor named, approving and declining, and each currency of the mix routed. */
    private List<Buffer> bodies() {
        List<Buffer> bodies = new ArrayList<>();
        for (ProcessorId id : ProcessorId.values()) {
            if (processorsConfig.of(id).enabled()) {
                bodies.add(body(HOME_CURRENCY.get(id), id.label(), LoopbackProcessors.APPROVED_TOKEN));
                bodies.add(body(HOME_CURRENCY.get(id), id.label(), LoopbackProcessors.DECLINED_TOKEN));
            }
        }
        for (String currency : CURRENCIES) {
            bodies.add(body(currency, null, LoopbackProcessors.APPROVED_TOKEN));
        }
        return bodies;
    }

    private static Buffer body(String currency, String processor, String token) {
        return Buffer.buffer("{\"merchantId\":\"" + WarmUpKey.MERCHANT + "\",\"reference\":\"warm-up\","
                + "\"amount\":{\"value\":1299,\"currency\":\"" + currency + "\"},"
                + "\"paymentMethod\":{\"token\":\"" + token + "\"}"
                + (processor == null ? "" : ",\"processor\":\"" + processor + "\"") + "}");
    }

    /** The HTTP server's host as a client reaches it: a wildcard or {@code localhost} is 127.0.0.1. */
    private static String connectHost(String host) {
        if (host == null
                || host.isEmpty()
                || host.equals("0.0.0.0")
                || host.equals("::")
                || host.equals("[::]")
                || host.equals("localhost")) {
            return "127.0.0.1";
        }
        return host;
    }

    /** The port the server announced, or, for a random port (0), the one Quarkus registers once it listens. */
    private int port(int announced) {
        if (announced > 0) {
            return announced;
        }
        int actual = values.getOrDefault(
                LaunchMode.current() == LaunchMode.TEST ? HttpServer.HTTP_TEST_PORT : HttpServer.HTTP_PORT, 0);
        if (actual <= 0) {
            throw new IllegalStateException("The HTTP port is not known");
        }
        return actual;
    }

    /**
     * Keeps {@code inFlight} requests going until all are sent, the budget is spent, one fails or the
     * application stops. A request is sent when an earlier one is answered, on the event loop.
     */
    private final class Drive {

        private final HttpClient client;
        private final String authorization;
        private final List<Buffer> bodies;
        private final long deadline;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger slots = new AtomicInteger();
        private final AtomicReference<String> failure = new AtomicReference<>();
        private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Drive(HttpClient client, String authorization, List<Buffer> bodies, long deadline) {
            this.client = client;
            this.authorization = authorization;
            this.bodies = bodies;
            this.deadline = deadline;
        }

        CompletableFuture<Void> start(int inFlight) {
            slots.set(inFlight);
            for (int i = 0; i < inFlight; i++) {
                sendNext();
            }
            return done;
        }

        private void sendNext() {
            if (failure.get() != null || stopping || System.nanoTime() - deadline > 0) {
                slotEnded();
                return;
            }
            int index = next.getAndIncrement();
            if (index >= config.requests()) {
                slotEnded();
                return;
            }
            sent.incrementAndGet();
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setURI(AuthorizationResource.PATH)
                    .setIdleTimeout(GRACE.toMillis())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                    .putHeader("Idempotency-Key", "warm-up-" + index);
            client.request(request)
                    .compose(outgoing -> outgoing.send(bodies.get(index % bodies.size())))
                    .compose(answer -> answer.body().map(body -> outcome(answer, body)))
                    .onComplete(result -> {
                        if (result.failed()) {
                            failure.compareAndSet(
                                    null,
                                    "no answer (" + result.cause().getClass().getSimpleName() + ")");
                        } else if (result.result() != null) {
                            answers.computeIfAbsent(result.result(), ignored -> new LongAdder())
                                    .increment();
                        }
                        sendNext();
                    });
        }

        /** "stripe authorized" and the like; null, with the failure noted, for any other answer. */
        private String outcome(HttpClientResponse answer, Buffer body) {
            if (answer.getHeader(WarmUpTraffic.HEADER) == null) {
                failure.compareAndSet(null, "HTTP " + answer.statusCode() + " from outside the warm-up's lane");
                return null;
            }
            if (answer.statusCode() != 201) {
                failure.compareAndSet(null, "HTTP " + answer.statusCode());
                return null;
            }
            try {
                JsonNode authorization = json.readTree(body.getBytes());
                return authorization.path("processor").asText() + " "
                        + authorization.path("status").asText().toLowerCase(Locale.ROOT);
            } catch (IOException malformed) {
                failure.compareAndSet(null, "an answer that is not JSON");
                return null;
            }
        }

        private void slotEnded() {
            if (slots.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }
}
