package io.voyager.gateway.processor;

import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the three adapters share: resolve the endpoint, take the current credentials once for the
 * whole request, send, map the answer, and classify transport failures. Subclasses declare the
 * fault-tolerance annotations on their own {@code authorize}, so each gets a breaker of its own.
 */
public abstract class HttpProcessorAdapter<A> implements PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(HttpProcessorAdapter.class);
    private static final ProcessorCredentials WARM_UP_CREDENTIALS =
            new ProcessorCredentials("warm-up", Optional.empty(), "warm-up");

    private final ProcessorId id;
    private final RestClients<A> clients;
    private final ProcessorEndpoints endpoints;
    private final CredentialsProvider credentials;

    protected HttpProcessorAdapter(ProcessorId id, Class<A> api, ProcessorsConfig config, ProcessorEndpoints endpoints,
            CredentialsProvider credentials) {
        this.id = id;
        this.clients = new RestClients<>(api, config.of(id));
        clients.forBaseUri(config.of(id).baseUrl()); // built at start, not on the first payment
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    @Override
    public ProcessorId id() {
        return id;
    }

    /** Sends one authorization with the given credentials on the wire client. */
    protected abstract Response send(A api, ProcessorRequest request, ProcessorCredentials credentials);

    /** Maps the processor's answer to a result, or throws the failure it means. */
    protected abstract ProcessorResult interpret(Response response);

    /**
     * Sends the request with the current credentials. If the processor refuses them (401/403),
     * nothing was processed: the credentials are refreshed once and, if they changed, the request
     * is sent once more with the new ones.
     */
    protected ProcessorResult exchange(ProcessorRequest request) {
        A api = clients.forBaseUri(endpoints.baseUri(id, request));
        ProcessorCredentials used = credentials.current(id.label());
        try {
            return exchange(api, request, used);
        } catch (ProcessorRejectedException refused) {
            if (!refused.credentialsRefused()) {
                throw refused;
            }
            credentials.forceRefresh(id.label());
            ProcessorCredentials renewed = credentials.current(id.label());
            if (renewed.equals(used)) {
                throw refused;
            }
            LOG.infof("%s refused the credentials (HTTP %d); retrying once with refreshed ones", id, refused.httpStatus());
            return exchange(api, request, renewed);
        }
    }

    /**
     * Sends a made-up authorization to a loopback endpoint and ignores the outcome. Run at start,
     * it loads and links the whole client path, so a new pod's first real payments are not slowed
     * past the processor timeout.
     */
    void warmUp(URI loopback) {
        Money money = new Money(100, "USD", 2);
        ProcessorRequest request = new ProcessorRequest("warm-up", "warm-up", "warm-up", money, "tok_warm_up", 0);
        try {
            exchange(clients.forBaseUri(loopback), request, WARM_UP_CREDENTIALS);
        } catch (ProcessorException expected) {
            // The loopback answer is not a real processor's.
        }
    }

    private ProcessorResult exchange(A api, ProcessorRequest request, ProcessorCredentials current) {
        try (Response response = send(api, request, current)) {
            return interpret(response);
        } catch (RuntimeException e) {
            throw TransportFailures.classify(id, e);
        }
    }
}
