package io.voyager.gateway.processor;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * What the three adapters share: take the current credentials once for the whole request, send
 * without blocking, map the answer, classify transport failures, all inside the processor's
 * fault-tolerance boundary ({@link ProcessorGuards}).
 */
public abstract class HttpProcessorAdapter<A> implements PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(HttpProcessorAdapter.class);

    private final ProcessorId id;
    private final RestClients<A> clients;
    private final A api;
    private final ProcessorGuards guards;
    private final CredentialsProvider credentials;
    private final LoopbackTwin twin;

    protected HttpProcessorAdapter(
            ProcessorId id,
            Class<A> api,
            ProcessorsConfig config,
            ProcessorEndpoints endpoints,
            ProcessorGuards guards,
            CredentialsProvider credentials,
            LoopbackTwin twin) {
        this.id = id;
        this.twin = twin;
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

    /** How the start-up warm-up copies this adapter to run its very code against a loopback server. */
    LoopbackTwin twin() {
        return twin;
    }

    /** Closes the wire client; only twins are closed, the adapter beans keep theirs for the life of the process. */
    void closeWireClient() {
        close(api);
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable closeable) { // REST client proxies are
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("Wire client not closed: %s", e.getClass().getSimpleName());
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
