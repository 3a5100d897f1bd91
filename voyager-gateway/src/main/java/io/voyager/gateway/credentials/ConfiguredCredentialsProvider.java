package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorsConfig;

/**
 * Credentials from configuration ({@code voyager.processors.<name>.api-key} and friends), typically
 * environment variables in production and sandbox values in dev and test. Configuration does not
 * change while running, so {@link #forceRefresh} has nothing to re-read.
 */
final class ConfiguredCredentialsProvider implements CredentialsProvider {

    private final ProcessorsConfig config;

    ConfiguredCredentialsProvider(ProcessorsConfig config) {
        this.config = config;
    }

    /** Fails the start, naming the property, when an enabled processor has no API key. */
    ConfiguredCredentialsProvider requireKeysOfEnabledProcessors() {
        for (ProcessorId id : ProcessorId.values()) {
            if (config.of(id).enabled()) {
                current(id.label());
            }
        }
        return this;
    }

    @Override
    public ProcessorCredentials current(String processor) {
        ProcessorId id = ProcessorId.byLabel(processor)
                .orElseThrow(() -> new IllegalArgumentException("Unknown processor " + processor));
        ProcessorsConfig.Processor settings = config.of(id);
        String apiKey = settings.apiKey()
                .filter(key -> !key.isBlank())
                .orElseThrow(() -> new MissingCredentialsException(
                        id.label(), "apiKey", "configuration property voyager.processors." + id.label() + ".api-key"));
        return new ProcessorCredentials(
                apiKey, settings.webhookSecret(), settings.merchantAccount().orElse(null));
    }

    @Override
    public void forceRefresh(String processor) {
        // Configuration is fixed for the life of the process.
    }
}
