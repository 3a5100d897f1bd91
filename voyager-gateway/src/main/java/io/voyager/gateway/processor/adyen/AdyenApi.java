package io.voyager.gateway.processor.adyen;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Adyen Checkout API v71 on the wire. */
@Path("/v71")
public interface AdyenApi {

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> payments(
            @HeaderParam("X-API-Key") String apiKey,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            AdyenWire.PaymentRequest request);
}
