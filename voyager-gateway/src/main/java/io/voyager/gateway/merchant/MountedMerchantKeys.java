package io.voyager.gateway.merchant;

import io.voyager.gateway.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A mounted Kubernetes Secret with one file per merchant (the file name is the merchantId) holding
 * SHA-256 hex digests, one per line. Files are read through Kubernetes' {@code ..data} links, so an
 * update is seen whole; names starting with a dot are those links' own entries.
 */
final class MountedMerchantKeys implements MerchantKeySource {

    private final Path folder;

    MountedMerchantKeys(Path folder) {
        this.folder = folder;
    }

    @Override
    public String location() {
        return folder.toString();
    }

    @Override
    public Fetched fetch() throws IOException {
        Map<String, List<String>> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String merchant = file.getFileName().toString();
                if (merchant.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                String content = Files.readString(file, StandardCharsets.UTF_8);
                digests.put(
                        merchant,
                        Arrays.stream(content.split("[\\s,]+"))
                                .filter(s -> !s.isEmpty())
                                .toList());
            }
        }
        // The digests are not secrets, so they may serve as the version themselves.
        return new Fetched(MerchantKeyHashes.of(digests, folder.toString()), Sha256.hex(digests.toString()));
    }
}
