package io.voyager.gateway.merchant;

import io.quarkus.runtime.Startup;
import io.voyager.gateway.credentials.CredentialsConfig;
import io.voyager.gateway.rotation.Poller;
import io.voyager.gateway.rotation.RotatingSource;
import io.voyager.gateway.rotation.RotatingSource.Versioned;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The key hashes in force, from the processor credentials' source: configuration, Secrets Manager
 * (polled on {@code voyager.credentials.secrets-manager.poll-interval}) or the mounted Secret
 * (re-read on {@code voyager.credentials.files.rescan-interval}). A new version replaces the old one
 * without a restart; a failed refresh keeps the last good hashes. Built-in keys (the sandbox's, in
 * dev and test builds only) are always added.
 */
@Startup
@ApplicationScoped
public class MerchantKeys {

    private static final Logger LOG = Logger.getLogger(MerchantKeys.class);

    private final MerchantKeyHashes builtIn;
    private final MerchantKeySource source;
    private final RotatingSource<MerchantKeyHashes> hashes;
    private final Poller refresher;

    @Inject
    MerchantKeys(
            CredentialsConfig credentials,
            MerchantKeysConfig config,
            Instance<SecretsManagerClient> secretsManager,
            Instance<BuiltInMerchantKeys> builtIns) {
        this(
                switch (credentials.source()) {
                    case SECRETS_MANAGER -> new SecretsManagerMerchantKeys(secretsManager.get(), config.secretName());
                    case FILES ->
                        new MountedMerchantKeys(credentials.files().directory().resolve(config.folder()));
                    case CONFIG -> new ConfiguredMerchantKeys(config.keyHashes());
                },
                switch (credentials.source()) {
                    case SECRETS_MANAGER -> credentials.secretsManager().pollInterval();
                    case FILES -> credentials.files().rescanInterval();
                    case CONFIG -> Duration.ZERO;
                },
                builtIns.stream()
                        .map(BuiltInMerchantKeys::hashes)
                        .reduce(MerchantKeyHashes.empty(), MerchantKeyHashes::plus));
    }

    /** Reads the source now and then every {@code interval}; zero: never again (a source that cannot change). */
    MerchantKeys(MerchantKeySource source, Duration interval, MerchantKeyHashes builtIn) {
        this.source = source;
        this.builtIn = builtIn;
        this.hashes = new RotatingSource<>(
                () -> {
                    MerchantKeySource.Fetched fetched = source.fetch();
                    return new Versioned<>(fetched.hashes(), fetched.version());
                },
                new Events());
        hashes.load();
        refresher = interval.isZero() ? null : Poller.every(interval, "voyager-merchant-keys-refresh", this::refresh);
        MerchantKeyHashes loaded = hashes.current();
        if (loaded != null && loaded.merchantCount() == 0 && builtIn.merchantCount() == 0) {
            LOG.warn("No merchant API keys are configured: every /v1 request will be refused with 401");
        }
    }

    /** Re-reads the source now; failures are logged, never thrown, and keep the hashes in force. */
    void refresh() {
        hashes.refresh();
    }

    /** Whether hashes were loaded at least once (built-in ones count). */
    public boolean ready() {
        return hashes.current() != null || builtIn.merchantCount() > 0;
    }

    /** The merchants the key belongs to; empty for an unknown key. */
    public Set<String> merchantsOf(String presentedKey) {
        MerchantKeyHashes current = hashes.current();
        Set<String> merchants = new TreeSet<>(builtIn.merchantsOf(presentedKey));
        if (current != null) {
            merchants.addAll(current.merchantsOf(presentedKey));
        }
        return merchants;
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.close();
        }
    }

    /** What a read brought, for the log. */
    private final class Events implements RotatingSource.Events<MerchantKeyHashes> {

        @Override
        public void installed(Versioned<MerchantKeyHashes> installed, boolean rotation) {
            LOG.infof(
                    "Merchant API key hashes loaded from %s (version %s, %d merchants)",
                    source.location(), installed.version(), installed.value().merchantCount());
        }

        @Override
        public void firstReadFailed(Exception failure) {
            if (failure instanceof IllegalArgumentException malformed) {
                throw malformed; // malformed hashes stop the start, naming where they are, as malformed credentials do
            }
            LOG.warnf(
                    "Merchant API key hashes from %s not available yet (%s); not ready until they are",
                    source.location(), failure.getClass().getSimpleName());
        }

        @Override
        public void refreshFailed(Exception failure) {
            // Messages of our parsers never quote values; the SDK's name only the secret.
            LOG.warnf(
                    "Reading merchant API key hashes from %s failed (%s: %s); the last good ones stay in use",
                    source.location(), failure.getClass().getSimpleName(), failure.getMessage());
        }
    }
}
