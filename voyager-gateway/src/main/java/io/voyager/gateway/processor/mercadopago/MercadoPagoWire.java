package io.voyager.gateway.processor.mercadopago;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** MercadoPago's JSON shapes (snake_case, decimal amounts), only the fields we send and read. */
public final class MercadoPagoWire {

    private MercadoPagoWire() {}

    /** {@code capture: false} makes it an authorization that is captured later. */
    @RegisterForReflection
    public record PaymentRequest(
            @JsonProperty("transaction_amount") BigDecimal transactionAmount,
            String token,
            int installments,
            boolean capture,
            @JsonProperty("external_reference") String externalReference,
            String description,
            @JsonProperty("binary_mode") boolean binaryMode) {}

    @RegisterForReflection
    public record Payment(
            Long id,
            String status,
            @JsonProperty("status_detail") String statusDetail,
            @JsonProperty("currency_id") String currencyId,
            Boolean captured) {}

    @RegisterForReflection
    public record Error(String message, String error, Integer status, List<Cause> cause) {

        String firstCode() {
            if (cause != null && !cause.isEmpty() && cause.get(0).code() != null) {
                return String.valueOf(cause.get(0).code());
            }
            return error;
        }
    }

    @RegisterForReflection
    public record Cause(Object code, String description) {}
}
