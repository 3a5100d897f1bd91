package io.voyager.gateway.merchant;

import io.quarkus.runtime.Startup;
import io.voyager.gateway.credentials.CredentialsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

    private record Loaded(MerchantKeyHashes hashes, String version) {
    }

    private final MerchantKeyHashes builtIn;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "voyager-merchant-keys-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final MerchantKeySource source;

    @Inject
    MerchantKeys(CredentialsConfig credentials, MerchantKeysConfig config, Instance<SecretsManagerClient> secretsManager,
            Instance<BuiltInMerchantKeys> builtIns) {
        this(switch (credentials.source()) {
            case SECRETS_MANAGER -> new SecretsManagerMerchantKeys(secretsManager.get(), config.secretName());
            case FILES -> new MountedMerchantKeys(credentials.files().directory().resolve(config.folder()));
            case CONFIG -> new ConfiguredMerchantKeys(config.keyHashes());
        }, switch (credentials.source()) {
            case SECRETS_MANAGER -> credentials.secretsManager().pollInterval();
            case FILES -> credentials.files().rescanInterval();
            case CONFIG -> Duration.ZERO;
        }, builtIns.stream().map(BuiltInMerchantKeys::hashes).reduce(MerchantKeyHashes.empty(), MerchantKeyHashes::plus));
    }

    /** Reads the source now and then every {@code interval}; zero: never again (a source that cannot change). */
    MerchantKeys(MerchantKeySource source, Duration interval, MerchantKeyHashes builtIn) {
        this.source = source;
        this.builtIn = builtIn;
        try {
            install(source.fetch());
        } catch (IllegalArgumentException malformed) {
            throw malformed; // malformed hashes stop the start, naming where they are, as malformed credentials do
        } catch (Exception unreachable) {
            LOG.warnf("Merchant API key hashes from %s not available yet (%s); not ready until they are",
                    source.location(), unreachable.getClass().getSimpleName());
        }
        if (!interval.isZero()) {
            long millis = interval.toMillis();
            refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
        }
        if (loaded.get() != null && loaded.get().hashes().merchantCount() == 0 && builtIn.merchantCount() == 0) {
            LOG.warn("No merchant API keys are configured: every /v1 request will be refused with 401");
        }
    }

    /** Re-reads the source now; failures are logged, never thrown, and keep the hashes in force. */
    void refresh() {
        try {
            install(source.fetch());
        } catch (Exception e) {
            // Messages of our parsers never quote values; the SDK's name only the secret.
            LOG.warnf("Reading merchant API key hashes from %s failed (%s: %s); the last good ones stay in use",
                    source.location(), e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void install(MerchantKeySource.Fetched fetched) {
        Loaded previous = loaded.get();
        if (previous == null || !previous.version().equals(fetched.version())) {
            loaded.set(new Loaded(fetched.hashes(), fetched.version()));
            LOG.infof("Merchant API key hashes loaded from %s (version %s, %d merchants)", source.location(),
                    fetched.version(), fetched.hashes().merchantCount());
        }
    }

    /** Whether hashes were loaded at least once (built-in ones count). */
    public boolean ready() {
        return loaded.get() != null || builtIn.merchantCount() > 0;
    }

    /** The merchants the key belongs to; empty for an unknown key. */
    public Set<String> merchantsOf(String presentedKey) {
        Loaded current = loaded.get();
        Set<String> merchants = new TreeSet<>(builtIn.merchantsOf(presentedKey));
        if (current != null) {
            merchants.addAll(current.hashes().merchantsOf(presentedKey));
        }
        return merchants;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
