package io.voyager.gateway.processor.adyen;

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
import io.voyager.gateway.util.Sha256;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/** Adyen adapter: its wire format and how its answers map to results. */
@Singleton
public class AdyenProcessor extends HttpProcessorAdapter<AdyenApi> {

    private static final ProcessorId ID = ProcessorId.ADYEN;

    private static final LoopbackAnswer APPROVED = new LoopbackAnswer(
            200,
            "{\"pspReference\":\"WARMUP0000000000\",\"resultCode\":\"Authorised\",\"merchantReference\":\"warm-up\"}");
    private static final LoopbackAnswer DECLINED = new LoopbackAnswer(
            200,
            "{\"pspReference\":\"WARMUP0000000000\",\"resultCode\":\"Refused\",\"refusalReason\":\"Not enough balance\","
                    + "\"refusalReasonCode\":\"12\",\"merchantReference\":\"warm-up\"}");

    /** Adyen accepts idempotency keys of at most 64 characters. */
    static final int MAX_IDEMPOTENCY_KEY = 64;

    AdyenProcessor(
            ProcessorsConfig config,
            ProcessorEndpoints endpoints,
            ProcessorGuards guards,
            CredentialsProvider credentials) {
        super(
                ID,
                AdyenApi.class,
                config,
                endpoints,
                guards,
                credentials,
                new LoopbackTwin(AdyenProcessor::new, APPROVED, DECLINED));
    }

    @Override
    protected Uni<Response> send(AdyenApi api, ProcessorRequest request, ProcessorCredentials credentials) {
        return api.payments(
                credentials.apiKey(),
                adyenIdempotencyKey(request.idempotencyKey()),
                paymentRequest(request, credentials.merchantAccountId()));
    }

    @Override
    protected ProcessorResult interpret(Response response) {
        return map(response);
    }

    static AdyenWire.PaymentRequest paymentRequest(ProcessorRequest request, String merchantAccount) {
        return new AdyenWire.PaymentRequest(
                merchantAccount,
                new AdyenWire.Amount(
                        request.amount().minorUnits(), request.amount().currency()),
                request.reference(),
                new AdyenWire.PaymentMethod("scheme", request.paymentToken()),
                request.merchantId(),
                "ContAuth",
                "CardOnFile");
    }

    static ProcessorResult map(Response response) {
        int status = response.getStatus();
        if (status == 200) {
            AdyenWire.PaymentResponse payment = HttpAnswers.read(ID, response, AdyenWire.PaymentResponse.class);
            String resultCode = String.valueOf(payment.resultCode());
            return switch (resultCode) {
                case "Authorised" -> ProcessorResult.authorized(ID, payment.pspReference());
                case "Refused" ->
                    ProcessorResult.declined(ID, payment.pspReference(), DeclineCodes.adyen(payment.refusalReason()));
                default -> throw new ProcessorFailureException(ID, status, "resultCode " + resultCode);
            };
        }
        AdyenWire.Error error = HttpAnswers.tryRead(response, AdyenWire.Error.class);
        throw HttpAnswers.unexpectedStatus(ID, status, error == null ? "unknown" : error.errorCode());
    }

    /** Forwards the client's key unchanged when it fits, else its SHA-256 (same key in, same key out). */
    static String adyenIdempotencyKey(String clientKey) {
        if (clientKey.length() <= MAX_IDEMPOTENCY_KEY) {
            return clientKey;
        }
        return Sha256.hex(clientKey);
    }
}
