package io.voyager.gateway.credentials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Where processor credentials come from. */
@ConfigMapping(prefix = "voyager.credentials")
public interface CredentialsConfig {

    /** {@code config} (properties or environment), {@code secrets-manager}, or {@code files}. */
    @WithDefault("config")
    Source source();

    SecretsManager secretsManager();

    Files files();

    enum Source {
        CONFIG,
        SECRETS_MANAGER,
        FILES
    }

    interface SecretsManager {

        /** Secret name per processor; each holds JSON with apiKey, merchantAccountId and optionally webhookSecret. */
        Map<String, String> names();

        @WithDefault("60s")
        Duration pollInterval();
    }

    interface Files {

        /** One folder per processor holding one file per JSON key, as a mounted Kubernetes Secret has. */
        @WithDefault("/etc/voyager/secrets")
        Path directory();

        /** Re-read even without a file event, in case the filesystem does not report one. */
        @WithDefault("30s")
        Duration rescanInterval();
    }
}
