package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.rotation.Poller;
import io.voyager.gateway.rotation.RotatingSource.Versioned;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Reads each processor's JSON secret with {@code GetSecretValue} and polls it, keeping the
 * version id so a rotation is noticed. In Kubernetes the SDK's default chain picks up IRSA
 * (web identity) credentials.
 */
final class SecretsManagerCredentials extends RotatingCredentials {

    private final SecretsManagerClient client;
    private final Map<ProcessorId, String> names;
    private volatile Poller poller;

    SecretsManagerCredentials(
            SecretsManagerClient client,
            Map<ProcessorId, String> names,
            Set<ProcessorId> processors,
            CredentialsMetrics metrics) {
        super(processors, metrics);
        this.client = client;
        this.names = names;
    }

    /** Loads every secret now, then polls on the interval. */
    SecretsManagerCredentials start(Duration pollInterval) {
        loadAll();
        poller = Poller.every(pollInterval, "voyager-credentials-poll", this::refreshAll);
        return this;
    }

    @Override
    String location(ProcessorId processor) {
        return names.get(processor);
    }

    @Override
    Versioned<ProcessorCredentials> fetch(ProcessorId processor) {
        String name = names.get(processor);
        GetSecretValueResponse secret = client.getSecretValue(request -> request.secretId(name));
        return new Versioned<>(SecretJson.parse(name, secret.secretString()), secret.versionId());
    }

    @Override
    boolean isMissing(Exception failure) {
        return failure instanceof ResourceNotFoundException;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
    }
}
