package io.voyager.gateway.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.voyager.gateway.processor.ProcessorId;

/** One sandbox processor's wire format: where it listens and how it answers. */
interface SandboxApi {

    ProcessorId id();

    String path();

    /** The answer for a request the real API would refuse (credentials, account, fields); null if acceptable. */
    SandboxReply refusal(RoutingContext request);

    String idempotencyKey(RoutingContext request);

    String token(RoutingContext request);

    SandboxReply approved(RoutingContext request);

    SandboxReply declined(RoutingContext request);

    SandboxReply serverError();

    /** The request's body as a JSON object; null when it is not one. */
    static JsonObject jsonBody(RoutingContext request) {
        try {
            return request.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
