package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "voyager-credentials-poll");
        thread.setDaemon(true);
        return thread;
    });

    SecretsManagerCredentials(SecretsManagerClient client, Map<ProcessorId, String> names, Set<ProcessorId> processors,
            CredentialsMetrics metrics) {
        super(processors, metrics);
        this.client = client;
        this.names = names;
    }

    /** Loads every secret now, then polls on the interval. */
    SecretsManagerCredentials start(Duration pollInterval) {
        loadAll();
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::refreshAll, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    String location(ProcessorId processor) {
        return names.get(processor);
    }

    @Override
    Fetched fetch(ProcessorId processor) {
        String name = names.get(processor);
        GetSecretValueResponse secret = client.getSecretValue(request -> request.secretId(name));
        return new Fetched(SecretJson.parse(name, secret.secretString()), secret.versionId());
    }

    @Override
    boolean isMissing(Exception failure) {
        return failure instanceof ResourceNotFoundException;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
