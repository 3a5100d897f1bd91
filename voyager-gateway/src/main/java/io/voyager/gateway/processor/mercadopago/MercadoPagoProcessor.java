package io.voyager.gateway.processor.mercadopago;

import io.smallrye.mutiny.Uni;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import io.voyager.gateway.processor.DeclineCodes;
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

/** MercadoPago adapter: its wire format and how its answers map to results. */
@Singleton
public class MercadoPagoProcessor extends HttpProcessorAdapter<MercadoPagoApi> {

    private static final ProcessorId ID = ProcessorId.MERCADOPAGO;

    private static final LoopbackAnswer APPROVED = new LoopbackAnswer(
            201,
            "{\"id\":1,\"status\":\"authorized\",\"status_detail\":\"pending_capture\",\"currency_id\":\"BRL\","
                    + "\"captured\":false}");
    private static final LoopbackAnswer DECLINED = new LoopbackAnswer(
            201,
            "{\"id\":1,\"status\":\"rejected\",\"status_detail\":\"cc_rejected_insufficient_amount\","
                    + "\"currency_id\":\"BRL\",\"captured\":false}");

    MercadoPagoProcessor(
            ProcessorsConfig config,
            ProcessorEndpoints endpoints,
            ProcessorGuards guards,
            CredentialsProvider credentials) {
        super(
                ID,
                MercadoPagoApi.class,
                config,
                endpoints,
                guards,
                credentials,
                new LoopbackTwin(MercadoPagoProcessor::new, APPROVED, DECLINED));
    }

    @Override
    protected Uni<Response> send(MercadoPagoApi api, ProcessorRequest request, ProcessorCredentials credentials) {
        // binary_mode: approve or reject synchronously, never leave the payment "in_process".
        return api.createPayment(
                "Bearer " + credentials.apiKey(),
                request.idempotencyKey(),
                new MercadoPagoWire.PaymentRequest(
                        request.amount().toDecimal(),
                        request.paymentToken(),
                        1,
                        false,
                        request.reference(),
                        request.reference(),
                        true));
    }

    @Override
    protected ProcessorResult interpret(Response response) {
        return map(response);
    }

    static ProcessorResult map(Response response) {
        int status = response.getStatus();
        if (status == 200 || status == 201) {
            MercadoPagoWire.Payment payment = HttpAnswers.read(ID, response, MercadoPagoWire.Payment.class);
            String reference = payment.id() == null ? null : String.valueOf(payment.id());
            return switch (String.valueOf(payment.status())) {
                case "authorized", "approved" -> ProcessorResult.authorized(ID, reference);
                case "rejected" ->
                    ProcessorResult.declined(ID, reference, DeclineCodes.mercadoPago(payment.statusDetail()));
                default -> throw new ProcessorFailureException(ID, status, "payment status " + payment.status());
            };
        }
        MercadoPagoWire.Error error = HttpAnswers.tryRead(response, MercadoPagoWire.Error.class);
        throw HttpAnswers.unexpectedStatus(ID, status, error == null ? "unknown" : error.firstCode());
    }
}
