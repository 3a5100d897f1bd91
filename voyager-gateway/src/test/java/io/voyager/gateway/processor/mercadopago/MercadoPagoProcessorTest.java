package io.voyager.gateway.processor.mercadopago;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.processor.ProcessorFailureException;
import io.voyager.gateway.processor.ProcessorRejectedException;
import io.voyager.gateway.processor.ProcessorResult;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Fakes;
import io.voyager.gateway.testsupport.MercadoPagoFake;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakesProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ProcessorFakesProfile.class)
class MercadoPagoProcessorTest {

    @Inject
    MercadoPagoProcessor mercadoPago;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final WireMock fake = Fakes.of("mercadopago");

    @BeforeEach
    void resetBreakersAndJournal() {
        breakers.resetAll();
        fake.resetRequests();
    }

    @Test
    void sendsUncapturedPaymentWithDecimalAmountBearerTokenAndIdempotencyKey() {
        mercadoPago
                .authorize(Payments.request(FakeTokens.APPROVED, 1299, "BRL", "idem-mp-1"))
                .await()
                .indefinitely();

        fake.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo(MercadoPagoFake.PATH))
                        .withHeader("Authorization", equalTo("Bearer " + MercadoPagoFake.ACCESS_TOKEN))
                        .withHeader("X-Idempotency-Key", equalTo("idem-mp-1"))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson("""
                        {"transaction_amount": 12.99, "token": "tok_approved", "installments": 1,
                         "capture": false, "external_reference": "order-42"}""", false, true)));
    }

    @Test
    void sendsWholeUnitsForZeroDecimalCurrencies() {
        mercadoPago
                .authorize(Payments.request(FakeTokens.APPROVED, 1500, "CLP", "idem-mp-clp"))
                .await()
                .indefinitely();

        fake.verifyThat(postRequestedFor(urlPathEqualTo(MercadoPagoFake.PATH))
                .withRequestBody(equalToJson("{\"transaction_amount\": 1500}", false, true)));
    }

    @Test
    void mapsAuthorizedToAuthorized() {
        ProcessorResult result = mercadoPago
                .authorize(Payments.request(FakeTokens.APPROVED, 1299, "BRL", "idem-mp-2"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
        assertThat(result.processorReference()).isEqualTo(String.valueOf(MercadoPagoFake.PAYMENT_ID));
    }

    @Test
    void mapsRejectedToDeclinedWithNormalizedDeclineCode() {
        ProcessorResult result = mercadoPago
                .authorize(Payments.request(FakeTokens.DECLINED, 1299, "BRL", "idem-mp-3"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.DECLINED);
        assertThat(result.declineCode()).isEqualTo("insufficient_funds");
    }

    @Test
    void serverErrorIsAProcessorFailure() {
        assertThatThrownBy(() -> mercadoPago
                        .authorize(Payments.request(FakeTokens.ERROR, 1299, "BRL", "idem-mp-4"))
                        .await()
                        .indefinitely())
                .isInstanceOf(ProcessorFailureException.class);
    }

    @Test
    void badRequestIsARejectionWithTheCauseCode() {
        assertThatThrownBy(() -> mercadoPago
                        .authorize(Payments.request(FakeTokens.REJECTED, 1299, "BRL", "idem-mp-5"))
                        .await()
                        .indefinitely())
                .isInstanceOfSatisfying(ProcessorRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("2006");
                });
    }
}
