package io.voyager.gateway.processor.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.voyager.gateway.testsupport.SecretsManagerEmulator.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.CredentialsSources;
import io.voyager.gateway.credentials.ProcessorCredentials;
import io.voyager.gateway.processor.ProcessorEndpoints;
import io.voyager.gateway.processor.ProcessorGuards;
import io.voyager.gateway.processor.ProcessorRejectedException;
import io.voyager.gateway.processor.ProcessorResult;
import io.voyager.gateway.processor.ProcessorsConfig;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Fakes;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakesProfile;
import io.voyager.gateway.testsupport.SecretsManagerEmulator;
import io.voyager.gateway.testsupport.StripeFake;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Credential rotation seen from the Stripe adapter: the 401 retry, in-flight requests, steady load. */
@QuarkusTest
@TestProfile(ProcessorFakesProfile.class)
class StripeCredentialRotationTest {

    private static final String SECRET = "prod/voyager-gateway/stripe";
    private static final int LOAD_REQUESTS = 2_000;
    private static final int LOAD_THREADS = 4;

    @Inject
    ProcessorsConfig config;

    @Inject
    ProcessorEndpoints endpoints;

    @Inject
    ProcessorGuards guards;

    private final WireMock fake = Fakes.of("stripe");

    @BeforeEach
    void resetJournal() {
        fake.resetRequests();
    }

    /** Hands out a revoked key until refreshed, then the rotated one (or the same one again). */
    static final class RevokedThenRefreshed implements CredentialsProvider {
        final AtomicInteger refreshes = new AtomicInteger();
        private final String afterRefresh;

        RevokedThenRefreshed(String afterRefresh) {
            this.afterRefresh = afterRefresh;
        }

        @Override
        public ProcessorCredentials current(String processor) {
            return new ProcessorCredentials(
                    refreshes.get() == 0 ? "sk_test_revoked" : afterRefresh, Optional.empty(), "acct");
        }

        @Override
        public void forceRefresh(String processor) {
            refreshes.incrementAndGet();
        }
    }

    @Test
    void refusedKeyTriggersExactlyOneRefreshAndOneRetry() {
        RevokedThenRefreshed credentials = new RevokedThenRefreshed(StripeFake.ROTATED_API_KEY);
        StripeProcessor stripe = new StripeProcessor(config, endpoints, guards, credentials);

        ProcessorResult result = stripe.authorize(Payments.request(FakeTokens.APPROVED, 1299, "USD", "rotation-401"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
        assertThat(credentials.refreshes.get()).as("refreshes").isEqualTo(1);
        fake.verifyThat(
                2,
                postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                        .withHeader("Idempotency-Key", equalTo("rotation-401")));
        fake.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                        .withHeader("Authorization", equalTo("Bearer sk_test_revoked")));
        fake.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                        .withHeader("Authorization", equalTo("Bearer " + StripeFake.ROTATED_API_KEY)));
    }

    @Test
    void refusedKeyThatRefreshDoesNotChangeIsNotRetried() {
        RevokedThenRefreshed credentials = new RevokedThenRefreshed("sk_test_revoked");
        StripeProcessor stripe = new StripeProcessor(config, endpoints, guards, credentials);

        assertThatThrownBy(() -> stripe.authorize(Payments.request(FakeTokens.APPROVED, 1299, "USD", "rotation-same"))
                        .await()
                        .indefinitely())
                .isInstanceOfSatisfying(
                        ProcessorRejectedException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(credentials.refreshes.get()).isEqualTo(1);
        fake.verifyThat(1, postRequestedFor(urlPathEqualTo(StripeFake.PATH)));
    }

    @Test
    void requestInFlightDuringRotationFinishesWithItsKeyAndNewOnesUseTheNewKey() throws Exception {
        try (SecretsManagerEmulator emulator = new SecretsManagerEmulator();
                SecretsManagerClient client = emulator.client()) {
            emulator.put(SECRET, secret(StripeFake.API_KEY, "acct"));
            CredentialsProvider credentials = secretsManager(client, Duration.ofMinutes(10));
            CountDownLatch keyTaken = new CountDownLatch(1);
            StripeProcessor stripe = new StripeProcessor(config, endpoints, guards, signalling(credentials, keyTaken));

            CompletableFuture<ProcessorResult> inFlight = CompletableFuture.supplyAsync(
                    () -> stripe.authorize(Payments.request(StripeFake.SLOW_TOKEN, 1299, "USD", "in-flight"))
                            .await()
                            .indefinitely());
            assertThat(keyTaken.await(10, TimeUnit.SECONDS))
                    .as("in-flight request took its key")
                    .isTrue();
            emulator.put(SECRET, secret(StripeFake.ROTATED_API_KEY, "acct"));
            credentials.forceRefresh("stripe");
            ProcessorResult after = stripe.authorize(
                            Payments.request(FakeTokens.APPROVED, 1299, "USD", "after-rotation"))
                    .await()
                    .indefinitely();

            assertThat(inFlight.get().decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
            assertThat(after.decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
            fake.verifyThat(
                    1,
                    postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                            .withHeader("Idempotency-Key", equalTo("in-flight"))
                            .withHeader("Authorization", equalTo("Bearer " + StripeFake.API_KEY)));
            fake.verifyThat(
                    1,
                    postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                            .withHeader("Idempotency-Key", equalTo("after-rotation"))
                            .withHeader("Authorization", equalTo("Bearer " + StripeFake.ROTATED_API_KEY)));
            ((AutoCloseable) credentials).close();
        }
    }

    @Test
    void rotationUnderSteadyLoadFailsNoAuthorization() throws Exception {
        try (SecretsManagerEmulator emulator = new SecretsManagerEmulator();
                SecretsManagerClient client = emulator.client()) {
            emulator.put(SECRET, secret(StripeFake.API_KEY, "acct"));
            CredentialsProvider credentials = secretsManager(client, Duration.ofMillis(200));
            StripeProcessor stripe = new StripeProcessor(config, endpoints, guards, credentials);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < LOAD_THREADS; t++) {
                workers.add(load.submit(() -> {
                    for (int n; (n = sent.getAndIncrement()) < LOAD_REQUESTS; ) {
                        if (n == LOAD_REQUESTS / 2) {
                            emulator.put(SECRET, secret(StripeFake.ROTATED_API_KEY, "acct"));
                        }
                        try {
                            stripe.authorize(Payments.request(FakeTokens.APPROVED, 1299, "USD", "load-" + n))
                                    .await()
                                    .indefinitely();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            load.shutdown();
            ((AutoCloseable) credentials).close();

            int withNewKey = fake.find(postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                            .withHeader("Authorization", equalTo("Bearer " + StripeFake.ROTATED_API_KEY)))
                    .size();
            System.out.printf(
                    "Rotation under load: %d authorizations, %d failed, %d sent with the rotated key%n",
                    LOAD_REQUESTS, failed.get(), withNewKey);
            assertThat(failed.get())
                    .as("failed authorizations out of %d", LOAD_REQUESTS)
                    .isZero();
            assertThat(withNewKey).as("requests with the rotated key").isPositive();
        }
    }

    private static CredentialsProvider secretsManager(SecretsManagerClient client, Duration poll) {
        return CredentialsSources.fromSecretsManager(
                client,
                Map.of(io.voyager.gateway.processor.ProcessorId.STRIPE, SECRET),
                EnumSet.of(io.voyager.gateway.processor.ProcessorId.STRIPE),
                new SimpleMeterRegistry(),
                poll);
    }

    /** Counts down once the first request has taken its credentials. */
    private static CredentialsProvider signalling(CredentialsProvider delegate, CountDownLatch keyTaken) {
        return new CredentialsProvider() {
            @Override
            public ProcessorCredentials current(String processor) {
                ProcessorCredentials current = delegate.current(processor);
                keyTaken.countDown();
                return current;
            }

            @Override
            public void forceRefresh(String processor) {
                delegate.forceRefresh(processor);
            }
        };
    }
}
