package io.voyager.gateway.authorization;

import io.smallrye.mutiny.Uni;
import io.voyager.gateway.merchant.AuthenticatedMerchant;
import io.voyager.gateway.problem.ProblemException;
import io.voyager.gateway.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /v1/authorizations}. A decline is a 201 like an approval: it is a business outcome.
 * Served on the event loop: no thread waits while the processor answers. A request authenticated
 * with the start-up warm-up's key is served by the warm-up's lane ({@link AuthorizationWarmUp#lane}).
 */
@Path(AuthorizationResource.PATH)
public class AuthorizationResource {

    public static final String PATH = "/v1/authorizations";

    private final AuthorizationRequestParser parser;
    private final AuthorizationService service;
    private final AuthorizationWarmUp warmUp;
    private final AuthenticatedMerchant merchant;

    AuthorizationResource(
            AuthorizationRequestParser parser,
            AuthorizationService service,
            AuthorizationWarmUp warmUp,
            AuthenticatedMerchant merchant) {
        this.parser = parser;
        this.service = service;
        this.warmUp = warmUp;
        this.merchant = merchant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Uni<Response> authorize(@HeaderParam("Idempotency-Key") String idempotencyKeyHeader, String body) {
        String idempotencyKey = parser.idempotencyKey(idempotencyKeyHeader);
        AuthorizationRequest request = parser.parse(body);
        if (!merchant.mayActFor(request.merchantId())) {
            throw ProblemException.of(
                    ProblemType.MERCHANT_MISMATCH,
                    "The API key authenticates another merchant than merchantId " + request.merchantId());
        }
        AuthorizationService lane = merchant.warmUp() ? warmUp.lane() : service;
        return lane.authorize(idempotencyKey, request)
                .map(authorization -> Response.status(Response.Status.CREATED)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(authorization)
                        .build());
    }
}
