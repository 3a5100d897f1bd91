package io.voyager.gateway.authorization;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a {@code /v1} request that carries a card number in any header name or value, or in the
 * query string, before anything else reads it (authentication included), so it is never logged or echoed.
 * The body is checked field by field in {@link AuthorizationRequestParser}.
 */
public class CardDataInHeaders {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void refuseCardNumbers(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (CardNumberDetector.containsCardNumber(header.getKey())) {
                throw AuthorizationRequestParser.cardNumber();
            }
            for (String value : header.getValue()) {
                if (value != null && CardNumberDetector.containsCardNumber(value)) {
                    throw AuthorizationRequestParser.cardNumber();
                }
            }
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            if (CardNumberDetector.containsCardNumber(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(CardNumberDetector::containsCardNumber)) {
                throw AuthorizationRequestParser.cardNumber();
            }
        }
    }
}
