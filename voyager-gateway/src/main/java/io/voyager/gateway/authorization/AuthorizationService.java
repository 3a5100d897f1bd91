package io.voyager.gateway.authorization;

import io.smallrye.mutiny.Uni;
import io.voyager.gateway.observability.AuthorizationMetrics;
import io.voyager.gateway.observability.Outcome;
import io.voyager.gateway.problem.ProblemException;
import io.voyager.gateway.problem.ProblemType;
import io.voyager.gateway.processor.Money;
import io.voyager.gateway.processor.ProcessorFailureException;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.processor.ProcessorRejectedException;
import io.voyager.gateway.processor.ProcessorRequest;
import io.voyager.gateway.processor.ProcessorResult;
import io.voyager.gateway.processor.ProcessorRouter;
import io.voyager.gateway.processor.ProcessorSkippedException;
import io.voyager.gateway.processor.ProcessorTimeoutException;
import io.voyager.gateway.processor.ProcessorUnreachableException;
import io.voyager.gateway.processor.Processors;
import io.voyager.gateway.util.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authorizes a payment along its route. Fails over to the next processor only when the current one
 * provably never saw the request (connection refused, breaker open, in-flight limit reached); after a
 * timeout the processor may have authorized, so the client gets 504 and retries with the same key.
 * Nothing here blocks: the answer is sent when the processor's arrives.
 */
@ApplicationScoped
public class AuthorizationService {

    private static final Logger LOG = Logger.getLogger(AuthorizationService.class);

    private final ProcessorRouter router;
    private final Processors processors;
    private final AuthorizationMetrics metrics;
    private final AuthorizationConfig config;
    private final Clock clock = Clock.systemUTC();

    AuthorizationService(
            ProcessorRouter router, Processors processors, AuthorizationMetrics metrics, AuthorizationConfig config) {
        this.router = router;
        this.processors = processors;
        this.metrics = metrics;
        this.config = config;
    }

    public Uni<AuthorizationResponse> authorize(String idempotencyKey, AuthorizationRequest request) {
        Optional<ProcessorId> named = request.processor()
                .map(name -> ProcessorId.byLabel(name)
                        .orElseThrow(() -> ProblemException.of(
                                ProblemType.UNKNOWN_PROCESSOR, "Unknown processor; use stripe, adyen or mercadopago")));
        Amount amount = request.amount();
        Money money = new Money(
                amount.value(),
                amount.currency(),
                Currency.getInstance(amount.currency()).getDefaultFractionDigits());
        List<ProcessorId> route = router.route(amount.currency(), named);
        ProcessorRequest call = new ProcessorRequest(
                idempotencyKey,
                request.merchantId(),
                request.reference(),
                money,
                request.paymentMethod().token());
        return along(route, 0, call).map(result -> respond(idempotencyKey, request, result));
    }

    /** Tries the route from {@code position} on, moving on only while a processor provably never saw the call. */
    private Uni<ProcessorResult> along(List<ProcessorId> route, int position, ProcessorRequest call) {
        if (position == route.size()) {
            metrics.authorizationWithoutProcessor(Outcome.ERROR);
            return Uni.createFrom()
                    .failure(ProblemException.unavailable(
                            route.isEmpty()
                                    ? "Every processor for this payment is disabled"
                                    : "No processor on the route " + route + " can be reached",
                            config.retryAfterSeconds()));
        }
        ProcessorId processor = route.get(position);
        long start = System.nanoTime();
        return processors.get(processor).authorize(call).onItemOrFailure().transformToUni((result, failure) -> {
            Optional<ProcessorResult> settled;
            try {
                settled = settle(processor, result, failure, System.nanoTime() - start);
            } catch (RuntimeException finalAnswer) {
                // Returned, not thrown: a throw here would reach the client wrapped with the processor's failure.
                return Uni.createFrom().failure(finalAnswer);
            }
            return settled.isPresent() ? Uni.createFrom().item(settled.get()) : along(route, position + 1, call);
        });
    }

    /**
     * The one place an attempt's outcome is recorded. Empty when the processor was not reached and
     * the next one may be tried; a problem when the answer is final.
     */
    private Optional<ProcessorResult> settle(
            ProcessorId processor, ProcessorResult result, Throwable failure, long elapsedNanos) {
        if (failure == null) {
            Outcome outcome =
                    result.decision() == ProcessorResult.Decision.AUTHORIZED ? Outcome.APPROVED : Outcome.DECLINED;
            metrics.processorRequest(processor, outcome, elapsedNanos);
            metrics.authorization(processor, outcome);
            return Optional.of(result);
        }
        if (failure instanceof ProcessorSkippedException skipped) {
            LOG.debugf("%s skipped: %s", processor, skipped.getMessage());
            return Optional.empty();
        }
        if (failure instanceof ProcessorUnreachableException) {
            metrics.processorRequest(processor, Outcome.ERROR, elapsedNanos);
            LOG.warnf("%s refused the connection; trying the next processor", processor);
            return Optional.empty();
        }
        if (failure instanceof ProcessorTimeoutException) {
            metrics.processorRequest(processor, Outcome.TIMEOUT, elapsedNanos);
            metrics.authorization(processor, Outcome.TIMEOUT);
            throw ProblemException.retryable(
                    ProblemType.PROCESSOR_TIMEOUT,
                    processor.label() + " did not answer in time; retry with the same Idempotency-Key");
        }
        if (failure instanceof ProcessorRejectedException || failure instanceof ProcessorFailureException) {
            metrics.processorRequest(processor, Outcome.ERROR, elapsedNanos);
            metrics.authorization(processor, Outcome.ERROR);
            LOG.warnf("Authorization failed: %s", failure.getMessage());
            throw ProblemException.retryable(
                    ProblemType.PROCESSOR_ERROR,
                    processor.label()
                            + " could not process the payment; retrying with the same Idempotency-Key is safe");
        }
        throw failure instanceof RuntimeException unexpected ? unexpected : new IllegalStateException(failure);
    }

    private AuthorizationResponse respond(String idempotencyKey, AuthorizationRequest request, ProcessorResult result) {
        AuthorizationResponse.Status status = result.decision() == ProcessorResult.Decision.AUTHORIZED
                ? AuthorizationResponse.Status.AUTHORIZED
                : AuthorizationResponse.Status.DECLINED;
        return new AuthorizationResponse(
                authorizationId(request.merchantId(), idempotencyKey),
                status,
                result.processor().label(),
                result.processorReference(),
                result.declineCode(),
                request.amount(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** Derived from merchant and key, so a retried request gets the same id on any pod. */
    static String authorizationId(String merchantId, String idempotencyKey) {
        byte[] digest = Sha256.digest(merchantId + '\n' + idempotencyKey);
        return "auth_" + HexFormat.of().formatHex(digest, 0, 12);
    }
}
