package io.voyager.gateway.merchant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * Where merchant API key hashes come from. The source is the processor credentials' one
 * ({@code voyager.credentials.source}), polled or re-scanned on the same intervals.
 */
@ConfigMapping(prefix = "voyager.merchants")
public interface MerchantKeysConfig {

    /**
     * Source {@code config}: SHA-256 hex digests of each merchant's keys, comma-separated when a
     * rotation overlaps, e.g. {@code voyager.merchants.key-hashes.m_123=<sha256 hex>}.
     */
    Map<String, List<String>> keyHashes();

    /** Source {@code secrets-manager}: a JSON secret {@code {"m_123": ["<sha256 hex>", ...], ...}}. */
    @WithDefault("prod/voyager-gateway/merchant-keys")
    String secretName();

    /**
     * Source {@code files}: a folder below {@code voyager.credentials.files.directory} holding one file
     * per merchant, named by its merchantId, with one SHA-256 hex digest per line.
     */
    @WithDefault("merchant-keys")
    String folder();
}
