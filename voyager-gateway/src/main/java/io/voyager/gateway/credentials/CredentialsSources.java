package io.voyager.gateway.credentials;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the one {@link CredentialsProvider} that {@code voyager.credentials.source} selects, at
 * start, so a missing or malformed secret stops the start with a message naming it. The Secrets
 * Manager client is only created when that source is chosen: dev and test never reach AWS.
 */
@ApplicationScoped
public class CredentialsSources {

    @Produces
    @Singleton
    @Startup
    CredentialsProvider credentials(
            CredentialsConfig config,
            ProcessorsConfig processors,
            Instance<SecretsManagerClient> secretsManager,
            MeterRegistry registry) {
        Set<ProcessorId> enabled = EnumSet.noneOf(ProcessorId.class);
        for (ProcessorId id : ProcessorId.values()) {
            if (processors.of(id).enabled()) {
                enabled.add(id);
            }
        }
        // Registered whatever the source, so dashboards and alerts always find the series.
        CredentialsMetrics metrics = new CredentialsMetrics(registry, Clock.systemUTC());
        return switch (config.source()) {
            case CONFIG -> {
                ConfiguredCredentialsProvider configured =
                        new ConfiguredCredentialsProvider(processors).requireKeysOfEnabledProcessors();
                enabled.forEach(id -> metrics.loaded(id, false));
                yield configured;
            }
            case SECRETS_MANAGER ->
                new SecretsManagerCredentials(secretsManager.get(), secretNames(config), enabled, metrics)
                        .start(config.secretsManager().pollInterval());
            case FILES -> startFiles(config, enabled, metrics);
        };
    }

    /** Secrets Manager credentials loaded now and polled from then on. */
    public static CredentialsProvider fromSecretsManager(
            SecretsManagerClient client,
            Map<ProcessorId, String> names,
            Set<ProcessorId> processors,
            MeterRegistry registry,
            Duration pollInterval) {
        return new SecretsManagerCredentials(
                        client, names, processors, new CredentialsMetrics(registry, Clock.systemUTC()))
                .start(pollInterval);
    }

    void close(@Disposes CredentialsProvider provider) throws Exception {
        if (provider instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static MountedFilesCredentials startFiles(
            CredentialsConfig config, Set<ProcessorId> enabled, CredentialsMetrics metrics) {
        try {
            return new MountedFilesCredentials(config.files().directory(), enabled, metrics)
                    .start(config.files().rescanInterval());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + config.files().directory(), e);
        }
    }

    static Map<ProcessorId, String> secretNames(CredentialsConfig config) {
        Map<ProcessorId, String> names = new EnumMap<>(ProcessorId.class);
        for (ProcessorId id : ProcessorId.values()) {
            names.put(
                    id, config.secretsManager().names().getOrDefault(id.label(), "prod/voyager-gateway/" + id.label()));
        }
        return names;
    }
}
