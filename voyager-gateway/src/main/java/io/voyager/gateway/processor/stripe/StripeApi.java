package io.voyager.gateway.processor.stripe;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Stripe's PaymentIntents API as it is on the wire: form-encoded in, JSON out. */
@Path("/v1")
public interface StripeApi {

    /**
     * Creates and confirms a PaymentIntent with manual capture, i.e. an authorization only.
     * {@code payment_method_types[]=card} keeps Stripe from asking for a {@code return_url}.
     */
    @POST
    @Path("/payment_intents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> createPaymentIntent(
            @HeaderParam("Authorization") String bearer,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @FormParam("amount") long amount,
            @FormParam("currency") String currency,
            @FormParam("payment_method") String paymentMethod,
            @FormParam("payment_method_types[]") String paymentMethodType,
            @FormParam("confirm") boolean confirm,
            @FormParam("capture_method") String captureMethod,
            @FormParam("description") String description,
            @FormParam("metadata[merchant_id]") String merchantId);
}
