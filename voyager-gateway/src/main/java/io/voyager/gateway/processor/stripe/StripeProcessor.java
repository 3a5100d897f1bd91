package io.voyager.gateway.processor.stripe;

import io.smallrye.mutiny.Uni;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import io.voyager.gateway.processor.HttpAnswers;
import io.voyager.gateway.processor.HttpProcessorAdapter;
import io.voyager.gateway.processor.LoopbackAnswer;
import io.voyager.gateway.processor.LoopbackTwin;
import io.voyager.gateway.processor.ProcessorEndpoints;
import io.voyager.gateway.processor.ProcessorFailureException;
import io.voyager.gateway.processor.ProcessorGuards;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorRequest;
import io.voyager.gateway.processor.ProcessorResult;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** Stripe adapter: its wire format and how its answers map to results. */
@Singleton
public class StripeProcessor extends HttpProcessorAdapter<StripeApi> {

    private static final ProcessorId ID = ProcessorId.STRIPE;

    private static final LoopbackAnswer APPROVED = new LoopbackAnswer(
            200,
            "{\"id\":\"pi_warm_up\",\"object\":\"payment_intent\",\"status\":\"requires_capture\","
                    + "\"capture_method\":\"manual\",\"livemode\":false}");
    private static final LoopbackAnswer DECLINED = new LoopbackAnswer(
            402,
            "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                    + "\"payment_intent\":{\"id\":\"pi_warm_up\",\"object\":\"payment_intent\","
                    + "\"status\":\"requires_payment_method\"}}}");

    StripeProcessor(
            ProcessorsConfig config,
            ProcessorEndpoints endpoints,
            ProcessorGuards guards,
            CredentialsProvider credentials) {
        super(
                ID,
                StripeApi.class,
                config,
                endpoints,
                guards,
                credentials,
                new LoopbackTwin(StripeProcessor::new, APPROVED, DECLINED));
    }

    @Override
    protected Uni<Response> send(StripeApi api, ProcessorRequest request, ProcessorCredentials credentials) {
        return api.createPaymentIntent(
                "Bearer " + credentials.apiKey(),
                request.idempotencyKey(),
                request.amount().minorUnits(),
                request.amount().currency().toLowerCase(Locale.ROOT),
                request.paymentToken(),
                "card",
                true,
                "manual",
                request.reference(),
                request.merchantId());
    }

    @Override
    protected ProcessorResult interpret(Response response) {
        return map(response);
    }

    static ProcessorResult map(Response response) {
        int status = response.getStatus();
        if (status == 200) {
            StripeWire.PaymentIntent intent = HttpAnswers.read(ID, response, StripeWire.PaymentIntent.class);
            if ("requires_capture".equals(intent.status())) {
                return ProcessorResult.authorized(ID, intent.id());
            }
            throw new ProcessorFailureException(ID, status, "unexpected PaymentIntent status " + intent.status());
        }
        StripeWire.ErrorEnvelope envelope = HttpAnswers.tryRead(response, StripeWire.ErrorEnvelope.class);
        StripeWire.Error error = envelope == null ? null : envelope.error();
        if (status == 402 && error != null && "card_error".equals(error.type())) {
            String reference =
                    error.paymentIntent() == null ? null : error.paymentIntent().id();
            String code = error.declineCode() != null ? error.declineCode() : error.code();
            return ProcessorResult.declined(ID, reference, code);
        }
        throw HttpAnswers.unexpectedStatus(ID, status, error == null ? "unknown" : String.valueOf(error.code()));
    }
}
