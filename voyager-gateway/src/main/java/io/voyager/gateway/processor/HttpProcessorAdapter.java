package io.voyager.gateway.processor;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the three adapters share: take the current credentials once for the whole request, send
 * without blocking, map the answer, classify transport failures, all inside the processor's
 * fault-tolerance boundary ({@link ProcessorGuards}).
 */
public abstract class HttpProcessorAdapter<A> implements PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(HttpProcessorAdapter.class);
    private static final ProcessorCredentials WARM_UP_CREDENTIALS =
            new ProcessorCredentials("warm-up", Optional.empty(), "warm-up");
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(10);

    private final ProcessorId id;
    private final RestClients<A> clients;
    private final A api;
    private final ProcessorGuards guards;
    private final CredentialsProvider credentials;

    protected HttpProcessorAdapter(
            ProcessorId id,
            Class<A> api,
            ProcessorsConfig config,
            ProcessorEndpoints endpoints,
            ProcessorGuards guards,
            CredentialsProvider credentials) {
        this.id = id;
        this.clients = new RestClients<>(api, config.of(id));
        this.api = clients.build(endpoints.baseUri(id)); // built at start, not on the first payment
        this.guards = guards;
        this.credentials = credentials;
    }

    @Override
    public ProcessorId id() {
        return id;
    }

    @Override
    public final Uni<ProcessorResult> authorize(ProcessorRequest request) {
        return guards.call(id, () -> exchange(request));
    }

    /** Sends one authorization with the given credentials on the wire client. */
    protected abstract Uni<Response> send(A api, ProcessorRequest request, ProcessorCredentials credentials);

    /** Maps the processor's answer to a result, or throws the failure it means. */
    protected abstract ProcessorResult interpret(Response response);

    /**
     * Sends the request with the current credentials. If the processor refuses them (401/403),
     * nothing was processed: the credentials are refreshed once and, if they changed, the request
     * is sent once more with the new ones. The refresh may read a remote source, so it runs on a
     * worker thread, never on the event loop.
     */
    private Uni<ProcessorResult> exchange(ProcessorRequest request) {
        ProcessorCredentials used = credentials.current(id.label());
        return exchange(api, request, used)
                .onFailure(ProcessorRejectedException.class)
                .recoverWithUni(failure -> {
                    ProcessorRejectedException refused = (ProcessorRejectedException) failure;
                    if (!refused.credentialsRefused()) {
                        return Uni.createFrom().failure(refused);
                    }
                    return Uni.createFrom()
                            .item(() -> {
                                credentials.forceRefresh(id.label());
                                return credentials.current(id.label());
                            })
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .flatMap(renewed -> {
                                if (renewed.equals(used)) {
                                    return Uni.createFrom().failure(refused);
                                }
                                LOG.infof(
                                        "%s refused the credentials (HTTP %d); retrying once with refreshed ones",
                                        id, refused.httpStatus());
                                return exchange(api, request, renewed);
                            });
                });
    }

    /**
     * Sends a made-up authorization to a loopback endpoint and ignores the outcome. Run at start,
     * it loads and links the whole client path, so a new pod's first real payments are not slowed
     * past the processor timeout.
     */
    void warmUp(URI loopback) {
        Money money = new Money(100, "USD", 2);
        ProcessorRequest request = new ProcessorRequest("warm-up", "warm-up", "warm-up", money, "tok_warm_up");
        A warmUpApi = clients.build(loopback);
        try {
            exchange(warmUpApi, request, WARM_UP_CREDENTIALS).await().atMost(WARM_UP_WAIT);
        } catch (ProcessorException expected) {
            // The loopback answer is not a real processor's.
        } finally {
            close(warmUpApi);
        }
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable closeable) { // REST client proxies are
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("Warm-up client not closed: %s", e.getClass().getSimpleName());
            }
        }
    }

    private Uni<ProcessorResult> exchange(A api, ProcessorRequest request, ProcessorCredentials current) {
        return Uni.createFrom()
                .deferred(() -> send(api, request, current))
                .map(response -> {
                    try (response) {
                        return interpret(response);
                    }
                })
                .onFailure()
                .transform(failure -> TransportFailures.classify(id, failure));
    }
}
