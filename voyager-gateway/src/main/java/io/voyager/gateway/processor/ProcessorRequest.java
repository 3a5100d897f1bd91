package io.voyager.gateway.processor;

/**
 * One authorization as a processor adapter needs it.
 *
 * @param idempotencyKey the client's key, forwarded so a retry can never authorize twice
 */
public record ProcessorRequest(
        String idempotencyKey, String merchantId, String reference, Money amount, String paymentToken) {

    @Override
    public String toString() {
        // The payment token and idempotency key stay out of logs.
        return "ProcessorRequest[merchantId=" + merchantId + ", reference=" + reference + ", amount=" + amount + "]";
    }
}
