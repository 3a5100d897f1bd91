package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.voyager.gateway.processor.ProcessorEndpoints;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Points each adapter, once when it builds its client, at its sandbox listener. A processor the
 * sandbox has down (configured or through the fault knob) keeps its port, closed, so the client
 * sees a real connection refusal.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class SandboxEndpoints implements ProcessorEndpoints {

    private final SandboxServers servers;
    private final ProcessorsConfig processors;

    SandboxEndpoints(SandboxServers servers, ProcessorsConfig processors) {
        this.servers = servers;
        this.processors = processors;
    }

    @Override
    public URI baseUri(ProcessorId processor) {
        if (!servers.active()) {
            return processors.of(processor).baseUrl();
        }
        return servers.listenerUri(processor);
    }
}
