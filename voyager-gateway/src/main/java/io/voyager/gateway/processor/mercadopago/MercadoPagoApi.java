package io.voyager.gateway.processor.mercadopago;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** MercadoPago Payments API on the wire. */
@Path("/v1")
public interface MercadoPagoApi {

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> createPayment(
            @HeaderParam("Authorization") String bearer,
            @HeaderParam("X-Idempotency-Key") String idempotencyKey,
            MercadoPagoWire.PaymentRequest request);
}
