package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.voyager.gateway.merchant.BuiltInMerchantKeys;
import io.voyager.gateway.merchant.MerchantKeyHashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The documented sandbox test key {@code vk_test_voyager_sandbox} (README "Try it"), accepted in
 * every non-prod build for the merchants the examples, tests and load tests use, with no
 * configuration. Like every key it is kept as its SHA-256 digest only.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class SandboxMerchantKeys implements BuiltInMerchantKeys {

    static final String TEST_KEY_SHA256 = "1907806c2c6119e94de8d31df996389d828984141b976f1e1bf79553f1f6bfef";
    static final List<String> MERCHANTS = List.of("m_123", "m_loadtest");

    @Override
    public MerchantKeyHashes hashes() {
        return MerchantKeyHashes.of(
                Map.of(MERCHANTS.get(0), List.of(TEST_KEY_SHA256), MERCHANTS.get(1), List.of(TEST_KEY_SHA256)),
                "sandbox");
    }
}
