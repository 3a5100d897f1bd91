package io.voyager.gateway.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.voyager.gateway.processor.ProcessorId;

/** MercadoPago's {@code POST /v1/payments}: JSON, Bearer token, X-Idempotency-Key, decimal amounts. */
final class MercadoPagoSandbox implements SandboxApi {

    private final String accessToken;

    MercadoPagoSandbox(SandboxConfig.Accepts accepts) {
        this.accessToken = accepts.mercadopagoAccessToken();
    }

    @Override
    public ProcessorId id() {
        return ProcessorId.MERCADOPAGO;
    }

    @Override
    public String path() {
        return "/v1/payments";
    }

    @Override
    public SandboxReply refusal(RoutingContext request) {
        if (!("Bearer " + accessToken).equals(request.request().getHeader("Authorization"))) {
            return error(401, "unauthorized", "invalid access token", null);
        }
        JsonObject body = SandboxApi.jsonBody(request);
        if (body == null) {
            return error(400, "bad_request", "Invalid JSON body", null);
        }
        if (!(body.getValue("transaction_amount") instanceof Number amount) || amount.doubleValue() <= 0) {
            return error(400, "bad_request", "transaction_amount attribute can't be null", 4020);
        }
        if (!(body.getValue("token") instanceof String)) {
            return error(400, "bad_request", "Invalid card token", 2006);
        }
        if (request.request().getHeader("X-Idempotency-Key") == null) {
            return error(400, "bad_request", "Header X-Idempotency-Key can't be null", 4292);
        }
        return null;
    }

    @Override
    public String idempotencyKey(RoutingContext request) {
        return request.request().getHeader("X-Idempotency-Key");
    }

    @Override
    public String token(RoutingContext request) {
        return SandboxApi.jsonBody(request).getString("token");
    }

    @Override
    public SandboxReply approved(RoutingContext request) {
        boolean capture = SandboxApi.jsonBody(request).getBoolean("capture", true);
        return new SandboxReply(
                201,
                payment(request, capture ? "approved" : "authorized", capture ? "accredited" : "pending_capture")
                        .put("captured", capture));
    }

    @Override
    public SandboxReply declined(RoutingContext request) {
        return new SandboxReply(
                201,
                payment(request, "rejected", "cc_rejected_insufficient_amount").put("captured", false));
    }

    @Override
    public SandboxReply serverError() {
        return error(500, "internal_error", "internal_error", null);
    }

    private static JsonObject payment(RoutingContext request, String status, String statusDetail) {
        JsonObject body = SandboxApi.jsonBody(request);
        return new JsonObject()
                .put("id", SandboxIds.mercadoPago())
                .put("status", status)
                .put("status_detail", statusDetail)
                .put("transaction_amount", body.getValue("transaction_amount"))
                .put("currency_id", "BRL")
                .put("external_reference", body.getString("external_reference"))
                .put("live_mode", false);
    }

    private static SandboxReply error(int status, String error, String message, Integer causeCode) {
        JsonArray cause = new JsonArray();
        if (causeCode != null) {
            cause.add(new JsonObject().put("code", causeCode).put("description", message));
        }
        return new SandboxReply(
                status,
                new JsonObject()
                        .put("message", message)
                        .put("error", error)
                        .put("status", status)
                        .put("cause", cause));
    }
}
