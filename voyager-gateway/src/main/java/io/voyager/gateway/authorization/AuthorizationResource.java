package io.voyager.gateway.authorization;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /v1/authorizations}. A decline is a 201 like an approval: it is a business outcome. */
@Path(AuthorizationResource.PATH)
public class AuthorizationResource {

    public static final String PATH = "/v1/authorizations";

    private final AuthorizationRequestParser parser;
    private final AuthorizationService service;

    AuthorizationResource(AuthorizationRequestParser parser, AuthorizationService service) {
        this.parser = parser;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response authorize(@HeaderParam("Idempotency-Key") String idempotencyKeyHeader, String body) {
        String idempotencyKey = parser.idempotencyKey(idempotencyKeyHeader);
        AuthorizationRequest request = parser.parse(body);
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(service.authorize(idempotencyKey, request))
                .build();
    }
}
