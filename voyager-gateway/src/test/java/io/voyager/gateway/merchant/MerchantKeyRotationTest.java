package io.voyager.gateway.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.gateway.testsupport.SecretsManagerEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Merchant key hashes rotate without a restart, from Secrets Manager and from a mounted Secret. */
class MerchantKeyRotationTest {

    private static final String SECRET = "prod/voyager-gateway/merchant-keys";
    private static final String OLD_KEY = "vk_live_old_0001";
    private static final String NEW_KEY = "vk_live_new_0002";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long WAIT_MS = 5_000;

    private static String secret(String... keys) {
        StringBuilder hashes = new StringBuilder();
        for (String key : keys) {
            hashes.append(hashes.isEmpty() ? "" : ",")
                    .append('"')
                    .append(MerchantKeyHashes.sha256Hex(key))
                    .append('"');
        }
        return "{\"m_123\":[" + hashes + "]}";
    }

    @Test
    void secretsManagerRotationIsPickedUpWithinAPollAndTheOldKeyStopsWorking() throws Exception {
        try (SecretsManagerEmulator emulator = new SecretsManagerEmulator();
                SecretsManagerClient client = emulator.client()) {
            emulator.put(SECRET, secret(OLD_KEY));
            MerchantKeys keys =
                    new MerchantKeys(new SecretsManagerMerchantKeys(client, SECRET), POLL, MerchantKeyHashes.empty());
            try {
                assertThat(keys.merchantsOf(OLD_KEY)).containsExactly("m_123");
                assertThat(keys.merchantsOf(NEW_KEY)).isEmpty();

                emulator.put(SECRET, secret(OLD_KEY, NEW_KEY));
                awaitTrue(() -> !keys.merchantsOf(NEW_KEY).isEmpty(), "new key accepted during the overlap");
                assertThat(keys.merchantsOf(OLD_KEY))
                        .as("old key still accepted during the overlap")
                        .contains("m_123");

                emulator.put(SECRET, secret(NEW_KEY));
                awaitTrue(() -> keys.merchantsOf(OLD_KEY).isEmpty(), "old key withdrawn");
                assertThat(keys.merchantsOf(NEW_KEY)).containsExactly("m_123");
            } finally {
                keys.stop();
            }
        }
    }

    @Test
    void failedRefreshKeepsTheLastGoodHashes() throws Exception {
        try (SecretsManagerEmulator emulator = new SecretsManagerEmulator();
                SecretsManagerClient client = emulator.client()) {
            emulator.put(SECRET, secret(OLD_KEY));
            java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
            MerchantKeySource counted = new MerchantKeySource() {
                private final SecretsManagerMerchantKeys real = new SecretsManagerMerchantKeys(client, SECRET);

                @Override
                public String location() {
                    return real.location();
                }

                @Override
                public Fetched fetch() {
                    fetches.incrementAndGet();
                    return real.fetch();
                }
            };
            MerchantKeys keys = new MerchantKeys(counted, POLL, MerchantKeyHashes.empty());
            try {
                emulator.failing(true);
                int before = fetches.get();
                awaitTrue(() -> fetches.get() >= before + 3, "three failed polls");
                assertThat(keys.merchantsOf(OLD_KEY)).containsExactly("m_123");
            } finally {
                keys.stop();
            }
        }
    }

    @Test
    void mountedSecretRotationIsPickedUpOnTheNextRescan(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("m_123");
        Files.writeString(file, MerchantKeyHashes.sha256Hex(OLD_KEY) + "\n");
        MerchantKeys keys = new MerchantKeys(new MountedMerchantKeys(folder), POLL, MerchantKeyHashes.empty());
        try {
            assertThat(keys.merchantsOf(OLD_KEY)).containsExactly("m_123");
            Path staged = folder.resolve(".m_123.tmp");
            Files.writeString(staged, MerchantKeyHashes.sha256Hex(NEW_KEY) + "\n");
            Files.move(
                    staged,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            awaitTrue(() -> !keys.merchantsOf(NEW_KEY).isEmpty(), "new key from the rewritten file");
            assertThat(keys.merchantsOf(OLD_KEY)).isEmpty();
        } finally {
            keys.stop();
        }
    }

    @Test
    void keysAreComparedAsDigestsAndAKeyNeverMatchesAnotherMerchant() {
        MerchantKeyHashes hashes = MerchantKeyHashes.of(
                Map.of(
                        "m_a", List.of(MerchantKeyHashes.sha256Hex("key-a")),
                        "m_b", List.of(MerchantKeyHashes.sha256Hex("key-b"))),
                "test");

        assertThat(hashes.merchantsOf("key-a")).containsExactly("m_a");
        assertThat(hashes.merchantsOf("key-b")).containsExactly("m_b");
        assertThat(hashes.merchantsOf("key-")).isEmpty();
        assertThat(hashes.merchantsOf(MerchantKeyHashes.sha256Hex("key-a")))
                .as("the digest is not a key")
                .isEmpty();
    }

    @Test
    void aStoredValueThatIsNotADigestIsRefusedWithoutQuotingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MerchantKeyHashes.of(Map.of("m_a", List.of("vk_live_plaintext_key")), "Secret " + SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m_a")
                .hasMessageContaining(SECRET)
                .hasMessageNotContaining("vk_live_plaintext_key");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis())
                    .as(what + " within " + WAIT_MS + " ms")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
