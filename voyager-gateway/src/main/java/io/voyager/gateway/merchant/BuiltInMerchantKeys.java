package io.voyager.gateway.merchant;

/** Keys a build brings with it: only the sandbox of dev and test builds has any. */
public interface BuiltInMerchantKeys {

    MerchantKeyHashes hashes();
}
