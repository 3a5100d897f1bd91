package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when every enabled processor has credentials. Reports presence, never a value. */
@Readiness
@ApplicationScoped
public class CredentialsReadiness implements HealthCheck {

    private final CredentialsProvider credentials;
    private final ProcessorsConfig processors;

    CredentialsReadiness(CredentialsProvider credentials, ProcessorsConfig processors) {
        this.credentials = credentials;
        this.processors = processors;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("credentials").up();
        for (ProcessorId id : ProcessorId.values()) {
            if (!processors.of(id).enabled()) {
                continue;
            }
            try {
                credentials.current(id.label());
                response.withData(id.label(), "present");
            } catch (RuntimeException missing) {
                response.withData(id.label(), "missing").down();
            }
        }
        return response.build();
    }
}
