package io.voyager.gateway.credentials;

import static io.voyager.gateway.testsupport.SecretsManagerEmulator.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.testsupport.SecretsManagerEmulator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The Secrets Manager source against the emulator, through the real AWS SDK client. */
class SecretsManagerCredentialsTest {

    private static final String STRIPE = "prod/voyager-gateway/stripe";
    private static final String ADYEN = "prod/voyager-gateway/adyen";
    private static final Map<ProcessorId, String> NAMES = Map.of(ProcessorId.STRIPE, STRIPE, ProcessorId.ADYEN, ADYEN);
    private static final Set<ProcessorId> PROCESSORS = EnumSet.of(ProcessorId.STRIPE, ProcessorId.ADYEN);
    private static final Duration POLL = Duration.ofMillis(300);
    /** Slack on top of one poll interval for thread scheduling on a busy machine. */
    private static final Duration SCHEDULING_SLACK = Duration.ofSeconds(3);

    private static final Duration NO_POLL_DURING_TEST = Duration.ofHours(1);

    private SecretsManagerEmulator emulator;
    private SecretsManagerClient client;
    private SimpleMeterRegistry registry;
    private SecretsManagerCredentials credentials;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = new SecretsManagerEmulator();
        client = emulator.client();
        registry = new SimpleMeterRegistry();
        emulator.put(STRIPE, secret("sk_live_first_key_0001", "acct_stripe"));
        emulator.put(
                ADYEN,
                "{\"apiKey\":\"AQE_first_adyen_0001\",\"merchantAccountId\":\"VoyagerECOM\",\"webhookSecret\":\"whsec_0001\"}");
    }

    @AfterEach
    void stop() {
        if (credentials != null) {
            credentials.close();
        }
        client.close();
        emulator.close();
    }

    private SecretsManagerCredentials started() {
        return started(POLL);
    }

    private SecretsManagerCredentials started(Duration poll) {
        credentials = new SecretsManagerCredentials(
                        client, NAMES, PROCESSORS, new CredentialsMetrics(registry, Clock.systemUTC()))
                .start(poll);
        return credentials;
    }

    @Test
    void loadsEverySecretAtStart() {
        started();

        assertThat(credentials.current("stripe").apiKey()).isEqualTo("sk_live_first_key_0001");
        assertThat(credentials.current("stripe").merchantAccountId()).isEqualTo("acct_stripe");
        assertThat(credentials.current("adyen").webhookSecret()).contains("whsec_0001");
        assertThat(emulator.reads(STRIPE)).isEqualTo(1);
    }

    @Test
    void rotationIsUsedWithinOnePollInterval() throws InterruptedException {
        started();
        emulator.put(STRIPE, secret("sk_live_second_key_0002", "acct_stripe"));
        long rotatedAt = System.nanoTime();

        long deadline = rotatedAt + POLL.plus(SCHEDULING_SLACK).toNanos();
        while (!credentials.current("stripe").apiKey().equals("sk_live_second_key_0002")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(credentials.current("stripe").apiKey())
                .as(
                        "new key within one %d ms poll interval (+%d s scheduling slack)",
                        POLL.toMillis(), SCHEDULING_SLACK.toSeconds())
                .isEqualTo("sk_live_second_key_0002");
        assertThat(registry.get("voyager.credentials.rotations")
                        .tag("processor", "stripe")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("voyager.credentials.rotations")
                        .tag("processor", "adyen")
                        .counter()
                        .count())
                .isEqualTo(0.0);
    }

    @Test
    void forceRefreshReadsTheSecretAtOnce() {
        started();
        int readsBefore = emulator.reads(STRIPE);
        emulator.put(STRIPE, secret("sk_live_forced_0003", "acct_stripe"));

        credentials.forceRefresh("stripe");

        assertThat(credentials.current("stripe").apiKey()).isEqualTo("sk_live_forced_0003");
        assertThat(emulator.reads(STRIPE)).isGreaterThan(readsBefore);
    }

    @Test
    void failedRefreshKeepsTheLastGoodKeyAndSaysSo() {
        // Only the forced refreshes run: a poll landing while the emulator fails would count a second failure.
        started(NO_POLL_DURING_TEST);
        emulator.failing(true);
        emulator.put(STRIPE, secret("sk_live_unseen_0004", "acct_stripe"));

        credentials.forceRefresh("stripe");

        assertThat(credentials.current("stripe").apiKey()).isEqualTo("sk_live_first_key_0001");
        assertThat(registry.get("voyager.credentials.last.refresh.success")
                        .tag("processor", "stripe")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get("voyager.credentials.refresh.failures")
                        .tag("processor", "stripe")
                        .counter()
                        .count())
                .isEqualTo(1.0);

        emulator.failing(false);
        credentials.forceRefresh("stripe");
        assertThat(credentials.current("stripe").apiKey()).isEqualTo("sk_live_unseen_0004");
        assertThat(registry.get("voyager.credentials.last.refresh.success")
                        .tag("processor", "stripe")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void malformedJsonStopsTheStartNamingTheSecret() {
        emulator.put(STRIPE, "{\"apiKey\":\"sk_live_broken_0005\",");

        assertThatThrownBy(this::started)
                .isInstanceOf(MalformedSecretException.class)
                .hasMessageContaining(STRIPE)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("sk_live_broken_0005");
    }

    @Test
    void missingFieldStopsTheStartNamingSecretAndField() {
        emulator.put(ADYEN, "{\"apiKey\":\"AQE_no_account_0006\"}");

        assertThatThrownBy(this::started)
                .isInstanceOf(MalformedSecretException.class)
                .hasMessageContaining(ADYEN)
                .hasMessageContaining("merchantAccountId")
                .hasMessageNotContaining("AQE_no_account_0006");
    }

    @Test
    void unknownSecretStopsTheStartNamingIt() {
        Map<ProcessorId, String> names =
                Map.of(ProcessorId.STRIPE, "prod/voyager-gateway/nope", ProcessorId.ADYEN, ADYEN);
        credentials = new SecretsManagerCredentials(
                client, names, PROCESSORS, new CredentialsMetrics(registry, Clock.systemUTC()));

        assertThatThrownBy(() -> credentials.start(POLL))
                .isInstanceOf(MalformedSecretException.class)
                .hasMessageContaining("prod/voyager-gateway/nope")
                .hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void unreachableSecretsManagerAtStartIsNotReadyUntilAPollSucceeds() throws InterruptedException {
        emulator.failing(true);
        started();
        assertThatThrownBy(() -> credentials.current("stripe"))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining(STRIPE);

        emulator.failing(false);
        long deadline = System.nanoTime() + POLL.plus(SCHEDULING_SLACK).toNanos();
        while (!hasStripeKey() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(credentials.current("stripe").apiKey()).isEqualTo("sk_live_first_key_0001");
        assertThat(registry.get("voyager.credentials.rotations")
                        .tag("processor", "stripe")
                        .counter()
                        .count())
                .as("a first load is not a rotation")
                .isZero();
    }

    private boolean hasStripeKey() {
        try {
            credentials.current("stripe");
            return true;
        } catch (MissingCredentialsException notYet) {
            return false;
        }
    }

    @Test
    void noSecretValueReachesLogsMessagesOrMetrics() {
        try (LogCapture logs = new LogCapture()) {
            started();
            emulator.put(STRIPE, secret("sk_live_second_key_0002", "acct_stripe"));
            credentials.forceRefresh("stripe");
            emulator.failing(true);
            credentials.forceRefresh("adyen");
            emulator.failing(false);
            emulator.put(ADYEN, "{\"apiKey\":\"AQE_broken_0007\"");
            credentials.forceRefresh("adyen");
            String described = credentials.current("adyen").toString() + credentials.current("stripe");

            assertThat(logs.lines()).as("captured log lines").isNotEmpty();
            for (String secretValue : new String[] {
                "sk_live_first_key_0001",
                "sk_live_second_key_0002",
                "AQE_first_adyen_0001",
                "whsec_0001",
                "AQE_broken_0007"
            }) {
                assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(secretValue));
                assertThat(described).doesNotContain(secretValue);
                registry.getMeters()
                        .forEach(meter -> assertThat(meter.getId().toString()).doesNotContain(secretValue));
            }
        }
    }
}
