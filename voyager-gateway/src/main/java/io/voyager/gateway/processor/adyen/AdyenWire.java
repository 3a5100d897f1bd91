package io.voyager.gateway.processor.adyen;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Adyen's JSON shapes, only the fields we send and read. */
public final class AdyenWire {

    private AdyenWire() {}

    @RegisterForReflection
    public record Amount(long value, String currency) {}

    /** A stored card: Adyen's token, charged merchant-initiated on file. */
    @RegisterForReflection
    public record PaymentMethod(String type, String storedPaymentMethodId) {}

    @RegisterForReflection
    public record PaymentRequest(
            String merchantAccount,
            Amount amount,
            String reference,
            PaymentMethod paymentMethod,
            String shopperReference,
            String shopperInteraction,
            String recurringProcessingModel) {}

    @RegisterForReflection
    public record PaymentResponse(
            String pspReference,
            String resultCode,
            String refusalReason,
            String refusalReasonCode,
            String merchantReference) {}

    /** Adyen's error body, e.g. {@code {"status":403,"errorCode":"901","message":"Invalid Merchant Account","errorType":"security"}}. */
    @RegisterForReflection
    public record Error(int status, String errorCode, String message, String errorType, String pspReference) {}
}
