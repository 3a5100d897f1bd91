package io.voyager.gateway.authorization;

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
import io.voyager.gateway.processor.ProcessorTimeoutException;
import io.voyager.gateway.processor.ProcessorUnreachableException;
import io.voyager.gateway.processor.Processors;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Authorizes a payment along its route. Fails over to the next processor only when the current one
 * provably never saw the request (connection refused, breaker open, bulkhead full); after a timeout
 * the processor may have authorized, so the client gets 504 and retries with the same key.
 */
@ApplicationScoped
public class AuthorizationService {

    private static final Logger LOG = Logger.getLogger(AuthorizationService.class);

    private final ProcessorRouter router;
    private final Processors processors;
    private final AuthorizationMetrics metrics;
    private final AuthorizationConfig config;
    private final Clock clock = Clock.systemUTC();

    AuthorizationService(ProcessorRouter router, Processors processors, AuthorizationMetrics metrics,
            AuthorizationConfig config) {
        this.router = router;
        this.processors = processors;
        this.metrics = metrics;
        this.config = config;
    }

    public AuthorizationResponse authorize(String idempotencyKey, AuthorizationRequest request) {
        Optional<ProcessorId> named = request.processor().map(name -> ProcessorId.byLabel(name)
                .orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_PROCESSOR,
                        "Unknown processor; use stripe, adyen or mercadopago")));
        Amount amount = request.amount();
        Money money = new Money(amount.value(), amount.currency(),
                Currency.getInstance(amount.currency()).getDefaultFractionDigits());
        List<ProcessorId> route = router.route(amount.currency(), named);
        for (int position = 0; position < route.size(); position++) {
            ProcessorId processor = route.get(position);
            ProcessorRequest call = new ProcessorRequest(idempotencyKey, request.merchantId(), request.reference(), money,
                    request.paymentMethod().token(), position);
            Optional<ProcessorResult> result = attempt(processor, call);
            if (result.isPresent()) {
                return respond(idempotencyKey, request, result.get());
            }
        }
        metrics.authorizationWithoutProcessor(Outcome.ERROR);
        throw ProblemException.unavailable(route.isEmpty()
                ? "Every processor for this payment is disabled"
                : "No processor on the route " + route + " can be reached", config.retryAfterSeconds());
    }

    /** Empty when the processor was not reached and the next one may be tried. */
    private Optional<ProcessorResult> attempt(ProcessorId processor, ProcessorRequest call) {
        long start = System.nanoTime();
        try {
            ProcessorResult result = processors.get(processor).authorize(call);
            Outcome outcome = result.decision() == ProcessorResult.Decision.AUTHORIZED ? Outcome.APPROVED : Outcome.DECLINED;
            metrics.processorRequest(processor, outcome, System.nanoTime() - start);
            metrics.authorization(processor, outcome);
            return Optional.of(result);
        } catch (CircuitBreakerOpenException | BulkheadException notCalled) {
            LOG.debugf("%s skipped: %s", processor, notCalled.getClass().getSimpleName());
            return Optional.empty();
        } catch (ProcessorUnreachableException refused) {
            metrics.processorRequest(processor, Outcome.ERROR, System.nanoTime() - start);
            LOG.warnf("%s refused the connection; trying the next processor", processor);
            return Optional.empty();
        } catch (TimeoutException | ProcessorTimeoutException timeout) {
            metrics.processorRequest(processor, Outcome.TIMEOUT, System.nanoTime() - start);
            metrics.authorization(processor, Outcome.TIMEOUT);
            throw ProblemException.retryable(ProblemType.PROCESSOR_TIMEOUT, processor.label()
                    + " did not answer in time; retry with the same Idempotency-Key");
        } catch (ProcessorRejectedException | ProcessorFailureException failure) {
            metrics.processorRequest(processor, Outcome.ERROR, System.nanoTime() - start);
            metrics.authorization(processor, Outcome.ERROR);
            LOG.warnf("Authorization failed: %s", failure.getMessage());
            throw ProblemException.retryable(ProblemType.PROCESSOR_ERROR, processor.label()
                    + " could not process the payment; retrying with the same Idempotency-Key is safe");
        }
    }

    private AuthorizationResponse respond(String idempotencyKey, AuthorizationRequest request, ProcessorResult result) {
        AuthorizationResponse.Status status = result.decision() == ProcessorResult.Decision.AUTHORIZED
                ? AuthorizationResponse.Status.AUTHORIZED
                : AuthorizationResponse.Status.DECLINED;
        return new AuthorizationResponse(authorizationId(request.merchantId(), idempotencyKey), status,
                result.processor().label(), result.processorReference(), result.declineCode(), request.amount(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** Derived from merchant and key, so a retried request gets the same id on any pod. */
    static String authorizationId(String merchantId, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((merchantId + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "auth_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
