package io.voyager.gateway.processor;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Production endpoints: the configured base URL of each processor. */
@DefaultBean
@ApplicationScoped
public class ConfiguredEndpoints implements ProcessorEndpoints {

    private final ProcessorsConfig config;

    ConfiguredEndpoints(ProcessorsConfig config) {
        this.config = config;
    }

    @Override
    public URI baseUri(ProcessorId processor) {
        return config.of(processor).baseUrl();
    }
}
