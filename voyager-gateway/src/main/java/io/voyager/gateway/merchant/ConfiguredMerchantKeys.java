package io.voyager.gateway.merchant;

import java.util.List;
import java.util.Map;

/** Hashes from configuration, e.g. the environment; fixed for the life of the process. */
final class ConfiguredMerchantKeys implements MerchantKeySource {

    private final Map<String, List<String>> hexDigests;

    ConfiguredMerchantKeys(Map<String, List<String>> hexDigests) {
        this.hexDigests = hexDigests;
    }

    @Override
    public String location() {
        return "voyager.merchants.key-hashes";
    }

    @Override
    public Fetched fetch() {
        return new Fetched(MerchantKeyHashes.of(hexDigests, location()), "config");
    }
}
