package io.voyager.gateway.processor.mercadopago;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.voyager.gateway.credentials.CredentialsProvider;
import io.voyager.gateway.credentials.ProcessorCredentials;
import io.voyager.gateway.processor.DeclineCodes;
import io.voyager.gateway.processor.HttpAnswers;
import io.voyager.gateway.processor.HttpProcessorAdapter;
import io.voyager.gateway.processor.ProcessorEndpoints;
import io.voyager.gateway.processor.ProcessorFailureException;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorRejectedException;
import io.voyager.gateway.processor.ProcessorRequest;
import io.voyager.gateway.processor.ProcessorResult;
import io.voyager.gateway.processor.ProcessorUnreachableException;
import io.voyager.gateway.processor.ProcessorsConfig;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/** MercadoPago adapter and its fault-tolerance boundary. */
@Singleton
public class MercadoPagoProcessor extends HttpProcessorAdapter<MercadoPagoApi> {

    private static final ProcessorId ID = ProcessorId.MERCADOPAGO;

    MercadoPagoProcessor(ProcessorsConfig config, ProcessorEndpoints endpoints, CredentialsProvider credentials) {
        super(ID, MercadoPagoApi.class, config, endpoints, credentials);
    }

    // Rejections (4xx) and a full bulkhead are not signs of an unhealthy MercadoPago, so they skip the breaker.
    @Override
    @Timeout(350)
    @CircuitBreaker(skipOn = {ProcessorRejectedException.class, BulkheadException.class})
    @CircuitBreakerName("mercadopago")
    @Bulkhead(64)
    @Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = ProcessorUnreachableException.class)
    public ProcessorResult authorize(ProcessorRequest request) {
        return exchange(request);
    }

    @Override
    protected Response send(MercadoPagoApi api, ProcessorRequest request, ProcessorCredentials credentials) {
        // binary_mode: approve or reject synchronously, never leave the payment "in_process".
        return api.createPayment("Bearer " + credentials.apiKey(), request.idempotencyKey(),
                new MercadoPagoWire.PaymentRequest(request.amount().toDecimal(), request.paymentToken(), 1, false,
                        request.reference(), request.reference(), true));
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
                case "rejected" -> ProcessorResult.declined(ID, reference, DeclineCodes.mercadoPago(payment.statusDetail()));
                default -> throw new ProcessorFailureException(ID, status, "payment status " + payment.status());
            };
        }
        MercadoPagoWire.Error error = HttpAnswers.tryRead(response, MercadoPagoWire.Error.class);
        throw HttpAnswers.unexpectedStatus(ID, status, error == null ? "unknown" : error.firstCode());
    }
}
