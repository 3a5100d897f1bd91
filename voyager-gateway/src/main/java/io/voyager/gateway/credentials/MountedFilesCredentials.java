package io.voyager.gateway.credentials;

import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.rotation.Poller;
import io.voyager.gateway.rotation.RotatingSource.Versioned;
import io.voyager.gateway.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads credentials from a mounted Kubernetes Secret: {@code <directory>/<processor>/apiKey},
 * {@code merchantAccountId} and optionally {@code webhookSecret}, one value per file.
 *
 * <p>Kubernetes updates such a mount atomically: the files are symlinks through {@code ..data},
 * itself a symlink to a timestamped folder, and an update writes a new folder and swaps
 * {@code ..data} with a rename. A watch on each processor folder sees that swap; every event
 * re-reads all three files through the links, so a half-written state is never seen. A periodic
 * re-scan covers filesystems that report no events.
 */
final class MountedFilesCredentials extends RotatingCredentials {

    private static final Logger LOG = Logger.getLogger(MountedFilesCredentials.class);

    private final Path directory;
    private final Set<ProcessorId> processors;
    private final Map<WatchKey, ProcessorId> watched = new HashMap<>();
    private volatile Poller rescans;
    private WatchService watcher;
    private Thread watchThread;

    MountedFilesCredentials(Path directory, Set<ProcessorId> processors, CredentialsMetrics metrics) {
        super(processors, metrics);
        this.directory = directory;
        this.processors = processors;
    }

    MountedFilesCredentials start(Duration rescanInterval) throws IOException {
        loadAll();
        watcher = FileSystems.getDefault().newWatchService();
        for (ProcessorId id : processors) {
            WatchKey key = folder(id)
                    .register(
                            watcher,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
            watched.put(key, id);
        }
        watchThread = Poller.daemon("voyager-credentials-watch").newThread(this::watch);
        watchThread.start();
        rescans = Poller.every(rescanInterval, "voyager-credentials-rescan", this::refreshAll);
        return this;
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                key.pollEvents();
                ProcessorId id = watched.get(key);
                if (id != null) {
                    refresh(id);
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    String location(ProcessorId processor) {
        return folder(processor).toString();
    }

    @Override
    Versioned<ProcessorCredentials> fetch(ProcessorId processor) throws IOException {
        Path folder = folder(processor);
        String apiKey = read(folder.resolve(SecretJson.API_KEY)).orElse(null);
        String merchantAccountId =
                read(folder.resolve(SecretJson.MERCHANT_ACCOUNT_ID)).orElse(null);
        Optional<String> webhookSecret = read(folder.resolve(SecretJson.WEBHOOK_SECRET));
        ProcessorCredentials credentials = SecretJson.of(folder.toString(), apiKey, merchantAccountId, webhookSecret);
        return new Versioned<>(credentials, fingerprint(apiKey, merchantAccountId, webhookSecret.orElse("")));
    }

    private Path folder(ProcessorId processor) {
        return directory.resolve(processor.label());
    }

    private static Optional<String> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** A version for file contents: a digest, so the values themselves are never kept twice or logged. */
    private static String fingerprint(String... values) {
        MessageDigest digest = Sha256.newDigest();
        for (String value : values) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    @Override
    public void close() {
        if (rescans != null) {
            rescans.close();
        }
        if (watchThread != null) {
            watchThread.interrupt();
        }
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.debugf("Closing the credentials watch: %s", e.getClass().getSimpleName());
        }
    }
}
