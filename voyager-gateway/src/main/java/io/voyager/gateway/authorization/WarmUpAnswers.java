package io.voyager.gateway.authorization;

import io.voyager.gateway.merchant.AuthenticatedMerchant;
import io.voyager.gateway.observability.WarmUpTraffic;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks every answer of the warm-up's lane, problems included, so the HTTP server metrics leave it
 * out ({@link WarmUpTraffic}) and the warm-up can tell that its lane, not the real one, answered.
 */
public class WarmUpAnswers {

    private final AuthenticatedMerchant merchant;

    WarmUpAnswers(AuthenticatedMerchant merchant) {
        this.merchant = merchant;
    }

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
        if (merchant.warmUp()) {
            response.getHeaders().putSingle(WarmUpTraffic.HEADER, "true");
        }
    }
}
