package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.voyager.gateway.processor.ProcessorEndpoints;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorRequest;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Sends adapters to the sandbox listeners. The one test-token rule lives here: {@code tok_unavailable}
 * sent to the route's primary processor goes to the refusing port, so the client sees a real
 * connection refusal and the gateway fails over; the fallback processors are reachable and approve it.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class SandboxEndpoints implements ProcessorEndpoints {

    static final String UNAVAILABLE_TOKEN = "tok_unavailable";

    private final SandboxServers servers;
    private final ProcessorsConfig processors;

    SandboxEndpoints(SandboxServers servers, ProcessorsConfig processors) {
        this.servers = servers;
        this.processors = processors;
    }

    @Override
    public URI baseUri(ProcessorId processor, ProcessorRequest request) {
        if (!servers.active()) {
            return processors.of(processor).baseUrl();
        }
        if (UNAVAILABLE_TOKEN.equals(request.paymentToken()) && request.routePosition() == 0) {
            return servers.refusingUri();
        }
        return servers.baseUri(processor);
    }
}
