package io.voyager.gateway.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.voyager.gateway.processor.adyen.AdyenProcessor;
import io.voyager.gateway.testsupport.AdyenFake;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Fakes;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakesProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ProcessorFakesProfile.class)
class CircuitBreakerTest {

    /** Generous bound for the breaker's open delay to pass on a loaded machine. */
    private static final long HALF_OPEN_WAIT_MS = 10_000;

    @Inject
    AdyenProcessor adyen;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final WireMock fake = Fakes.of("adyen");

    @BeforeEach
    void resetBreakers() {
        breakers.resetAll();
    }

    @Test
    void declineDoesNotTripBreaker() {
        for (int i = 0; i < ProcessorFakesProfile.BREAKER_VOLUME * 3; i++) {
            ProcessorResult result = adyen.authorize(Payments.request(FakeTokens.DECLINED, 1299, "EUR", "decline-" + i))
                    .await()
                    .indefinitely();
            assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.DECLINED);
        }

        assertThat(breakers.currentState("adyen")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void processorRejectionDoesNotTripBreaker() {
        for (int i = 0; i < ProcessorFakesProfile.BREAKER_VOLUME * 3; i++) {
            String key = "rejected-" + i;
            assertThatThrownBy(() -> adyen.authorize(Payments.request(FakeTokens.REJECTED, 1299, "EUR", key))
                            .await()
                            .indefinitely())
                    .isInstanceOf(ProcessorRejectedException.class);
        }

        assertThat(breakers.currentState("adyen")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void serverErrorsOpenTheBreakerWhichHalfOpensAndClosesOnSuccess() throws InterruptedException {
        List<CircuitBreakerState> transitions = new CopyOnWriteArrayList<>();
        breakers.onStateChange("adyen", transitions::add);
        get("/q/metrics").then().statusCode(200); // warm, so the scrape below is well inside the open delay

        openAdyenBreaker(adyen);
        assertThat(breakers.currentState("adyen")).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(get("/q/metrics").asString())
                .contains("voyager_circuit_breaker_state{processor=\"adyen\",state=\"open\"} 1.0")
                .contains("voyager_circuit_breaker_state{processor=\"adyen\",state=\"closed\"} 0.0");

        fake.resetRequests();
        assertThatThrownBy(() -> adyen.authorize(Payments.request(FakeTokens.APPROVED, 1299, "EUR", "while-open"))
                        .await()
                        .indefinitely())
                .isInstanceOf(ProcessorSkippedException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(fake.find(postRequestedFor(urlPathEqualTo(AdyenFake.PATH))))
                .as("calls while open")
                .isEmpty();

        ProcessorResult afterDelay = authorizeOnceBreakerLetsThrough();

        assertThat(afterDelay.decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
        assertThat(transitions)
                .containsSubsequence(
                        CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN, CircuitBreakerState.CLOSED);
        assertThat(breakers.currentState("adyen")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    /** Sends enough server errors to open Adyen's breaker. */
    static void openAdyenBreaker(PaymentProcessor adyen) {
        for (int i = 0; i < ProcessorFakesProfile.BREAKER_VOLUME; i++) {
            String key = "error-" + i;
            assertThatThrownBy(() -> adyen.authorize(Payments.request(FakeTokens.ERROR, 1299, "EUR", key))
                            .await()
                            .indefinitely())
                    .isInstanceOf(ProcessorFailureException.class);
        }
    }

    private ProcessorResult authorizeOnceBreakerLetsThrough() throws InterruptedException {
        long deadline = System.currentTimeMillis() + HALF_OPEN_WAIT_MS;
        while (true) {
            try {
                return adyen.authorize(Payments.request(FakeTokens.APPROVED, 1299, "EUR", "after-delay"))
                        .await()
                        .indefinitely();
            } catch (ProcessorSkippedException stillOpen) {
                if (System.currentTimeMillis() > deadline) {
                    throw stillOpen;
                }
                Thread.sleep(50);
            }
        }
    }
}
