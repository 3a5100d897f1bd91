package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The throughput benchmark's baseline (dev and test builds only): the same HTTP stack, dispatch and
 * request as {@code POST /v1/authorizations}, answering a constant 201 of an approval's shape and size
 * without validating, routing or calling a processor. What the gateway reaches against this route is
 * the machine's limit for its HTTP stack; see benchmarks/ and docs/benchmarks.md.
 */
@UnlessBuildProfile("prod")
@Path("/sandbox/baseline")
public class BaselineResource {

    static final String APPROVAL = "{\"id\":\"auth_5d1e0c9b8a7f6e5d4c3b2a19\",\"status\":\"AUTHORIZED\","
            + "\"processor\":\"stripe\",\"processorReference\":\"pi_3QfLk2Xv9TzR8mWc1BnY4pHs\","
            + "\"declineCode\":null,\"amount\":{\"value\":12345,\"currency\":\"USD\"},"
            + "\"createdAt\":\"2026-11-27T09:30:00.123Z\"}";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorize(@HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(APPROVAL)
                .build();
    }
}
