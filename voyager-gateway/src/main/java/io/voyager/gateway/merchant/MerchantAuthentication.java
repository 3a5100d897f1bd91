package io.voyager.gateway.merchant;

import io.vertx.core.http.HttpServerRequest;
import io.voyager.gateway.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /v1} request carries {@code Authorization: Bearer <merchant API key>}: without one,
 * or with one no merchant has, the answer is 401 with a {@code WWW-Authenticate} challenge. Whether
 * the key's merchant is the one the body names is checked where the body is read. The start-up
 * warm-up's key ({@link WarmUpKey}) is looked up like any other first, then admitted to its lane.
 */
public class MerchantAuthentication {

    static final String REALM = "Bearer realm=\"voyager\"";
    private static final String BEARER = "bearer ";

    private final MerchantKeys keys;
    private final WarmUpKey warmUpKey;
    private final AuthenticatedMerchant merchant;

    MerchantAuthentication(MerchantKeys keys, WarmUpKey warmUpKey, AuthenticatedMerchant merchant) {
        this.keys = keys;
        this.warmUpKey = warmUpKey;
        this.merchant = merchant;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, HttpServerRequest connection) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthenticated("Send the merchant API key as Authorization: Bearer <key>", REALM);
        }
        String key = header.substring(BEARER.length()).strip();
        Set<String> merchants = keys.merchantsOf(key);
        if (merchants.isEmpty() && warmUpKey.admits(key, connection.remoteAddress())) {
            merchant.setWarmUp();
            return;
        }
        if (merchants.isEmpty()) {
            throw ProblemException.unauthenticated("The API key is not valid", REALM + ", error=\"invalid_token\"");
        }
        merchant.set(merchants);
    }
}
