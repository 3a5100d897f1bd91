package io.voyager.gateway.authorization;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;

/** A validated {@code POST /v1/authorizations} body. */
@RegisterForReflection
public record AuthorizationRequest(
        String merchantId, String reference, Amount amount, PaymentMethod paymentMethod, Optional<String> processor) {

    @RegisterForReflection
    public record PaymentMethod(String token) {

        @Override
        public String toString() {
            return "PaymentMethod[token=****]";
        }
    }
}
