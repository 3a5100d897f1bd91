package io.voyager.gateway.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.processor.adyen.AdyenProcessor;
import io.voyager.gateway.processor.stripe.StripeProcessor;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Fakes;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakesProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@TestProfile(ProcessorFakesProfile.class)
class RoutingAndFailoverTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AdyenProcessor adyen;

    @Inject
    StripeProcessor stripe;

    private final WireMock stripeFake = Fakes.of("stripe");
    private final WireMock adyenFake = Fakes.of("adyen");
    private final WireMock mercadoPagoFake = Fakes.of("mercadopago");

    @BeforeEach
    void resetBreakersAndJournals() {
        breakers.resetAll();
        stripeFake.resetRequests();
        adyenFake.resetRequests();
        mercadoPagoFake.resetRequests();
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({"USD, stripe", "JPY, stripe", "BHD, stripe", "EUR, adyen", "GBP, adyen"})
    void routesByCurrencyWhenNoProcessorIsNamed(String currency, String processor) {
        Payments.authorize(currency, FakeTokens.APPROVED)
                .statusCode(201)
                .body("processor", equalTo(processor))
                .body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void namedProcessorOverridesCurrencyRoute() {
        Payments.authorize(
                        "USD", FakeTokens.APPROVED, "adyen", UUID.randomUUID().toString())
                .statusCode(201)
                .body("processor", equalTo("adyen"));
    }

    @Test
    void disabledProcessorIsSkippedByItsRoute() {
        // The profile disables mercadopago; BRL's route falls back to stripe.
        Payments.authorize("BRL", FakeTokens.APPROVED).statusCode(201).body("processor", equalTo("stripe"));

        assertThat(mercadoPagoFake.find(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void disabledProcessorNamedExplicitlyIsUnavailable() {
        Payments.authorize(
                        "BRL",
                        FakeTokens.APPROVED,
                        "mercadopago",
                        UUID.randomUUID().toString())
                .statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:voyager:problem:processor-unavailable"));
    }

    @Test
    void timeoutAnswers504RetryableWithoutFailover() {
        Payments.authorize("EUR", FakeTokens.TIMEOUT)
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voyager:problem:processor-timeout"))
                .body("retryable", equalTo(true));

        assertThat(stripeFake.find(anyRequestedFor(anyUrl())))
                .as("requests to the fallback")
                .isEmpty();
    }

    @Test
    void serverErrorAnswers502WithoutFailover() {
        Payments.authorize("EUR", FakeTokens.ERROR)
                .statusCode(502)
                .body("type", equalTo("urn:voyager:problem:processor-error"));

        assertThat(stripeFake.find(anyRequestedFor(anyUrl())))
                .as("requests to the fallback")
                .isEmpty();
    }

    @Test
    void openBreakerFailsOverToTheNextProcessor() {
        CircuitBreakerTest.openAdyenBreaker(adyen);
        adyenFake.resetRequests();

        Payments.authorize("EUR", FakeTokens.APPROVED).statusCode(201).body("processor", equalTo("stripe"));

        assertThat(adyenFake.find(anyRequestedFor(anyUrl())))
                .as("requests to the open processor")
                .isEmpty();
    }

    @Test
    void everyBreakerOpenAnswers503WithRetryAfter() {
        CircuitBreakerTest.openAdyenBreaker(adyen);
        for (int i = 0; i < ProcessorFakesProfile.BREAKER_VOLUME; i++) {
            String key = "stripe-error-" + i;
            assertThatThrownBy(() -> stripe.authorize(Payments.request(FakeTokens.ERROR, 1299, "USD", key))
                            .await()
                            .indefinitely())
                    .isInstanceOf(ProcessorFailureException.class);
        }

        Payments.authorize("EUR", FakeTokens.APPROVED)
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:voyager:problem:processor-unavailable"));
    }

    @Test
    void versionHeaderAndBuildInfoCarryTheConfiguredVersion() {
        Payments.authorize("USD", FakeTokens.APPROVED)
                .header("X-Voyager-Version", equalTo(ProcessorFakesProfile.VERSION));
        assertThat(io.restassured.RestAssured.get("/q/metrics").asString())
                .contains("voyager_build_info{version=\"" + ProcessorFakesProfile.VERSION + "\"} 1.0");
    }
}
