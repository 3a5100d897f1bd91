package io.voyager.gateway.processor.adyen;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.processor.ProcessorFailureException;
import io.voyager.gateway.processor.ProcessorRejectedException;
import io.voyager.gateway.processor.ProcessorResult;
import io.voyager.gateway.testsupport.AdyenFake;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Fakes;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakesProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ProcessorFakesProfile.class)
class AdyenProcessorTest {

    @Inject
    AdyenProcessor adyen;

    @Inject
    CircuitBreakerMaintenance breakers;

    @ConfigProperty(name = "voyager.processors.adyen.base-url")
    URI baseUrl;

    private final WireMock fake = Fakes.of("adyen");

    @BeforeEach
    void resetBreakersAndJournal() {
        breakers.resetAll();
        fake.resetRequests();
    }

    @Test
    void sendsPaymentWithApiKeyMerchantAccountAndClientIdempotencyKey() {
        adyen.authorize(Payments.request(FakeTokens.APPROVED, 1299, "EUR", "idem-adyen-1"))
                .await()
                .indefinitely();

        fake.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo(AdyenFake.PATH))
                        .withHeader("X-API-Key", equalTo(AdyenFake.API_KEY))
                        .withHeader("Idempotency-Key", equalTo("idem-adyen-1"))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson("""
                        {"merchantAccount": "VoyagerFakeECOM",
                         "amount": {"value": 1299, "currency": "EUR"},
                         "reference": "order-42",
                         "paymentMethod": {"type": "scheme", "storedPaymentMethodId": "tok_approved"},
                         "shopperInteraction": "ContAuth",
                         "recurringProcessingModel": "CardOnFile"}""", false, true)));
    }

    @Test
    void hashesIdempotencyKeysLongerThanAdyenAccepts() {
        String longKey = "k".repeat(200);
        adyen.authorize(Payments.request(FakeTokens.APPROVED, 1299, "EUR", longKey))
                .await()
                .indefinitely();

        String sent = fake.find(postRequestedFor(urlPathEqualTo(AdyenFake.PATH)))
                .get(0)
                .getHeader("Idempotency-Key");
        assertThat(sent)
                .hasSize(AdyenProcessor.MAX_IDEMPOTENCY_KEY)
                .isEqualTo(AdyenProcessor.adyenIdempotencyKey(longKey));
    }

    @Test
    void mapsAuthorisedToAuthorized() {
        ProcessorResult result = adyen.authorize(Payments.request(FakeTokens.APPROVED, 1299, "EUR", "idem-adyen-2"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
        assertThat(result.processorReference()).isEqualTo(AdyenFake.PSP_REFERENCE);
    }

    @Test
    void mapsRefusedToDeclinedWithNormalizedDeclineCode() {
        ProcessorResult result = adyen.authorize(Payments.request(FakeTokens.DECLINED, 1299, "EUR", "idem-adyen-3"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.DECLINED);
        assertThat(result.declineCode()).isEqualTo("insufficient_funds");
    }

    @Test
    void serverErrorIsAProcessorFailure() {
        assertThatThrownBy(() -> adyen.authorize(Payments.request(FakeTokens.ERROR, 1299, "EUR", "idem-adyen-4"))
                        .await()
                        .indefinitely())
                .isInstanceOf(ProcessorFailureException.class);
    }

    @Test
    void validationErrorIsARejection() {
        assertThatThrownBy(() -> adyen.authorize(Payments.request(FakeTokens.REJECTED, 1299, "EUR", "idem-adyen-5"))
                        .await()
                        .indefinitely())
                .isInstanceOfSatisfying(ProcessorRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo("14_012");
                });
    }

    @Test
    void unknownMerchantAccountIsARejectionWithAdyenCode901() {
        AdyenApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .disableDefaultMapper(true)
                .build(AdyenApi.class);
        AdyenWire.PaymentRequest body = AdyenProcessor.paymentRequest(
                Payments.request(FakeTokens.APPROVED, 1299, "EUR", "idem-adyen-6"), "SomeoneElsesECOM");

        try (Response response =
                api.payments(AdyenFake.API_KEY, "idem-adyen-6", body).await().indefinitely()) {
            assertThatThrownBy(() -> AdyenProcessor.map(response))
                    .isInstanceOfSatisfying(ProcessorRejectedException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(403);
                        assertThat(e.errorCode()).isEqualTo("901");
                        assertThat(e.credentialsRefused()).isTrue();
                    });
        }
    }
}
