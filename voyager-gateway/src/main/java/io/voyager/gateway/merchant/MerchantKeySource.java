package io.voyager.gateway.merchant;

/** Reads the current key hashes from where they are kept. */
interface MerchantKeySource {

    /** What was read and a version that changes whenever it does. */
    record Fetched(MerchantKeyHashes hashes, String version) {}

    /** A secret name or folder, for messages. */
    String location();

    Fetched fetch() throws Exception;
}
