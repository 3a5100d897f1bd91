package io.voyager.gateway.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.voyager.gateway.processor.ProcessorId;

/** Adyen's {@code POST /v71/payments}: JSON, X-API-Key, merchantAccount, resultCode. */
final class AdyenSandbox implements SandboxApi {

    private final String apiKey;
    private final String merchantAccount;

    AdyenSandbox(SandboxConfig.Accepts accepts) {
        this.apiKey = accepts.adyenApiKey();
        this.merchantAccount = accepts.adyenMerchantAccount();
    }

    @Override
    public ProcessorId id() {
        return ProcessorId.ADYEN;
    }

    @Override
    public String path() {
        return "/v71/payments";
    }

    @Override
    public SandboxReply refusal(RoutingContext request) {
        if (!apiKey.equals(request.request().getHeader("X-API-Key"))) {
            return error(401, "000", "HTTP Status Response - Unauthorized", "security");
        }
        JsonObject body = SandboxApi.jsonBody(request);
        if (body == null) {
            return error(422, "000", "Unable to parse message", "validation");
        }
        // Adyen answers an unknown merchant account with 403 and errorCode 901.
        if (!merchantAccount.equals(body.getValue("merchantAccount"))) {
            return error(403, "901", "Invalid Merchant Account", "security");
        }
        JsonObject amount = body.getValue("amount") instanceof JsonObject a ? a : null;
        if (amount == null
                || !(amount.getValue("value") instanceof Number)
                || !(amount.getValue("currency") instanceof String)) {
            return error(422, "100", "Required object 'amount' is not provided.", "validation");
        }
        if (!(body.getValue("reference") instanceof String)) {
            return error(422, "130", "Required field 'reference' is not provided.", "validation");
        }
        if (!(body.getValue("paymentMethod") instanceof JsonObject)) {
            return error(422, "100", "Required object 'paymentMethod' is not provided.", "validation");
        }
        return null;
    }

    @Override
    public String idempotencyKey(RoutingContext request) {
        return request.request().getHeader("Idempotency-Key");
    }

    @Override
    public String token(RoutingContext request) {
        return SandboxApi.jsonBody(request).getJsonObject("paymentMethod").getString("storedPaymentMethodId");
    }

    @Override
    public SandboxReply approved(RoutingContext request) {
        return new SandboxReply(200, result(request, "Authorised"));
    }

    @Override
    public SandboxReply declined(RoutingContext request) {
        return new SandboxReply(
                200,
                result(request, "Refused")
                        .put("refusalReason", "Not enough balance")
                        .put("refusalReasonCode", "12"));
    }

    @Override
    public SandboxReply serverError() {
        return error(500, "000", "An unexpected error occurred", "internal");
    }

    private static JsonObject result(RoutingContext request, String resultCode) {
        JsonObject body = SandboxApi.jsonBody(request);
        return new JsonObject()
                .put("pspReference", SandboxIds.adyen())
                .put("resultCode", resultCode)
                .put("merchantReference", body.getString("reference"))
                .put("amount", body.getJsonObject("amount").copy());
    }

    private static SandboxReply error(int status, String errorCode, String message, String errorType) {
        return new SandboxReply(
                status,
                new JsonObject()
                        .put("status", status)
                        .put("errorCode", errorCode)
                        .put("message", message)
                        .put("errorType", errorType)
                        .put("pspReference", SandboxIds.adyen()));
    }
}
