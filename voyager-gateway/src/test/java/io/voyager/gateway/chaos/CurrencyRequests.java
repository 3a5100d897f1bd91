package io.voyager.gateway.chaos;

import io.voyager.gateway.testsupport.Payments;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.LongFunction;

/** Approvals in one currency, so the gateway's route for that currency decides the processor. */
record CurrencyRequests(URI gateway, String runId, String currency) implements LongFunction<HttpRequest.Builder> {

    @Override
    public HttpRequest.Builder apply(long index) {
        String body = Payments.body(1299, currency, "tok_approved", null).replace("order-42", runId + "-" + index);
        return HttpRequest.newBuilder(gateway.resolve(Payments.PATH))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", runId + "-" + currency + "-" + index)
                .header("Authorization", "Bearer " + Payments.SANDBOX_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
