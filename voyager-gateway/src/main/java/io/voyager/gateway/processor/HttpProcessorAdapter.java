package io.voyager.gateway.processor;

import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * What the three adapters share: resolve the endpoint, take the current credentials once for the
 * whole request, send, map the answer, and classify transport failures. Subclasses declare the
 * fault-tolerance annotations on their own {@code authorize}, so each gets a breaker of its own.
 */
public abstract class HttpProcessorAdapter<A> implements PaymentProcessor {

    private final ProcessorId id;
    private final RestClients<A> clients;
    private final ProcessorEndpoints endpoints;
    private final CredentialsProvider credentials;

    protected HttpProcessorAdapter(ProcessorId id, Class<A> api, ProcessorsConfig config, ProcessorEndpoints endpoints,
            CredentialsProvider credentials) {
        this.id = id;
        this.clients = new RestClients<>(api, config.of(id));
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    @Override
    public ProcessorId id() {
        return id;
    }

    /** One call on the wire client with the given credentials. */
    @FunctionalInterface
    protected interface Call<A> {
        Response send(A api, ProcessorCredentials credentials);
    }

    protected ProcessorResult exchange(ProcessorRequest request, Call<A> call, Function<Response, ProcessorResult> map) {
        ProcessorCredentials current = credentials.current(id.label());
        A api = clients.forBaseUri(endpoints.baseUri(id, request));
        try (Response response = call.send(api, current)) {
            return map.apply(response);
        } catch (RuntimeException e) {
            throw TransportFailures.classify(id, e);
        }
    }
}
