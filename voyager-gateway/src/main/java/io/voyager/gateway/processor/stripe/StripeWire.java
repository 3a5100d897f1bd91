package io.voyager.gateway.processor.stripe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Stripe's JSON answers, only the fields we read. */
final class StripeWire {

    private StripeWire() {}

    @RegisterForReflection
    record PaymentIntent(String id, String object, String status) {}

    @RegisterForReflection
    record ErrorEnvelope(Error error) {}

    @RegisterForReflection
    record Error(
            String type,
            String code,
            @JsonProperty("decline_code") String declineCode,
            @JsonProperty("payment_intent") PaymentIntent paymentIntent) {}
}
