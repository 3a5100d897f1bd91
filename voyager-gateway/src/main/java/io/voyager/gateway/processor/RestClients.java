package io.voyager.gateway.processor;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * Builds a processor's wire clients. Adapters return raw responses and map every
 * status themselves, so the default exception mapper is off. HTTP/1.1 holds one request per
 * connection, so the pool is as large as the processor's in-flight limit: no call waits for a
 * connection inside the limit.
 */
public final class RestClients<T> {

    private final Class<T> api;
    private final ProcessorsConfig.Processor config;

    public RestClients(Class<T> api, ProcessorsConfig.Processor config) {
        this.api = api;
        this.config = config;
    }

    public T build(URI baseUri) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(config.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeoutMs(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, config.maxInFlight())
                .disableDefaultMapper(true)
                .build(api);
    }
}
