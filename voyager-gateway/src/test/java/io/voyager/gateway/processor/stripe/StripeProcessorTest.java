package io.voyager.gateway.processor.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakesProfile;
import io.voyager.gateway.testsupport.StripeFake;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ProcessorFakesProfile.class)
class StripeProcessorTest {

    @Inject
    StripeProcessor stripe;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final WireMock fake = Fakes.of("stripe");

    @BeforeEach
    void resetBreakersAndJournal() {
        breakers.resetAll();
        fake.resetRequests();
    }

    @Test
    void sendsFormEncodedManualCaptureIntentWithBearerKeyAndClientIdempotencyKey() {
        stripe.authorize(Payments.request(FakeTokens.APPROVED, 1299, "USD", "idem-stripe-1"))
                .await()
                .indefinitely();

        fake.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                        .withHeader("Authorization", equalTo("Bearer " + StripeFake.API_KEY))
                        .withHeader("Idempotency-Key", equalTo("idem-stripe-1"))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withFormParam("amount", equalTo("1299"))
                        .withFormParam("currency", equalTo("usd"))
                        .withFormParam("payment_method", equalTo(FakeTokens.APPROVED))
                        .withFormParam("confirm", equalTo("true"))
                        .withFormParam("capture_method", equalTo("manual")));
    }

    @Test
    void sendsZeroDecimalCurrencyAmountUnchanged() {
        stripe.authorize(Payments.request(FakeTokens.APPROVED, 500, "JPY", "idem-stripe-jpy"))
                .await()
                .indefinitely();

        fake.verifyThat(postRequestedFor(urlPathEqualTo(StripeFake.PATH))
                .withFormParam("amount", equalTo("500"))
                .withFormParam("currency", equalTo("jpy")));
    }

    @Test
    void mapsRequiresCaptureToAuthorized() {
        ProcessorResult result = stripe.authorize(Payments.request(FakeTokens.APPROVED, 1299, "USD", "idem-stripe-2"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.AUTHORIZED);
        assertThat(result.processorReference()).isEqualTo(StripeFake.INTENT_ID);
        assertThat(result.declineCode()).isNull();
    }

    @Test
    void mapsCardErrorToDeclinedWithDeclineCode() {
        ProcessorResult result = stripe.authorize(Payments.request(FakeTokens.DECLINED, 1299, "USD", "idem-stripe-3"))
                .await()
                .indefinitely();

        assertThat(result.decision()).isEqualTo(ProcessorResult.Decision.DECLINED);
        assertThat(result.declineCode()).isEqualTo("insufficient_funds");
        assertThat(result.processorReference()).isEqualTo(StripeFake.DECLINED_INTENT_ID);
    }

    @Test
    void serverErrorIsAProcessorFailure() {
        assertThatThrownBy(() -> stripe.authorize(Payments.request(FakeTokens.ERROR, 1299, "USD", "idem-stripe-4"))
                        .await()
                        .indefinitely())
                .isInstanceOf(ProcessorFailureException.class);
    }

    @Test
    void invalidRequestErrorIsARejection() {
        assertThatThrownBy(() -> stripe.authorize(Payments.request(FakeTokens.REJECTED, 1299, "USD", "idem-stripe-5"))
                        .await()
                        .indefinitely())
                .isInstanceOfSatisfying(ProcessorRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("resource_missing");
                });
    }
}
