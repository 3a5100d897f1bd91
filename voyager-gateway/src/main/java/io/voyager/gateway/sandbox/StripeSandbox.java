package io.voyager.gateway.sandbox;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.voyager.gateway.processor.ProcessorId;
import java.time.Instant;

/** Stripe's {@code POST /v1/payment_intents}: form-encoded, Bearer key, 402 card errors. */
final class StripeSandbox implements SandboxApi {

    private final String apiKey;

    StripeSandbox(SandboxConfig.Accepts accepts) {
        this.apiKey = accepts.stripeApiKey();
    }

    @Override
    public ProcessorId id() {
        return ProcessorId.STRIPE;
    }

    @Override
    public String path() {
        return "/v1/payment_intents";
    }

    @Override
    public SandboxReply refusal(RoutingContext request) {
        if (!("Bearer " + apiKey).equals(request.request().getHeader("Authorization"))) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided: ****");
        }
        MultiMap form = request.request().formAttributes();
        for (String param : new String[] {"amount", "currency", "payment_method"}) {
            if (form.get(param) == null || form.get(param).isBlank()) {
                return error(
                        400, "invalid_request_error", "parameter_missing", "Missing required param: " + param + ".");
            }
        }
        if (!form.get("amount").matches("[1-9][0-9]{0,7}")) {
            return error(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: amount.");
        }
        if (!"manual".equals(form.get("capture_method")) || !"true".equals(form.get("confirm"))) {
            return error(
                    400,
                    "invalid_request_error",
                    "parameter_invalid_empty",
                    "This sandbox only authorizes: send confirm=true and capture_method=manual.");
        }
        return null;
    }

    @Override
    public String idempotencyKey(RoutingContext request) {
        return request.request().getHeader("Idempotency-Key");
    }

    @Override
    public String token(RoutingContext request) {
        return request.request().getFormAttribute("payment_method");
    }

    @Override
    public SandboxReply approved(RoutingContext request) {
        MultiMap form = request.request().formAttributes();
        return new SandboxReply(
                200,
                new JsonObject()
                        .put("id", SandboxIds.stripe("pi_"))
                        .put("object", "payment_intent")
                        .put("amount", Long.parseLong(form.get("amount")))
                        .put("amount_capturable", Long.parseLong(form.get("amount")))
                        .put("currency", form.get("currency"))
                        .put("capture_method", "manual")
                        .put("payment_method", form.get("payment_method"))
                        .put("status", "requires_capture")
                        .put("livemode", false)
                        .put("created", Instant.now().getEpochSecond()));
    }

    @Override
    public SandboxReply declined(RoutingContext request) {
        JsonObject intent = new JsonObject()
                .put("id", SandboxIds.stripe("pi_"))
                .put("object", "payment_intent")
                .put("status", "requires_payment_method");
        return new SandboxReply(
                402,
                new JsonObject()
                        .put(
                                "error",
                                new JsonObject()
                                        .put("type", "card_error")
                                        .put("code", "card_declined")
                                        .put("decline_code", "insufficient_funds")
                                        .put("message", "Your card has insufficient funds.")
                                        .put("payment_intent", intent)));
    }

    @Override
    public SandboxReply serverError() {
        return error(500, "api_error", null, "Something went wrong on Stripe's end.");
    }

    private static SandboxReply error(int status, String type, String code, String message) {
        JsonObject error = new JsonObject().put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return new SandboxReply(status, new JsonObject().put("error", error));
    }
}
