package io.voyager.gateway.observability;

import io.voyager.gateway.problem.RejectionListener;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts authorization requests refused with a 4xx before any processor saw them as outcome "rejected". */
@ApplicationScoped
public class RejectedRequests implements RejectionListener {

    private static final String AUTHORIZATIONS_PATH = "/v1/authorizations";

    private final AuthorizationMetrics metrics;

    RejectedRequests(AuthorizationMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void answered(String path, int status) {
        if (status >= 400 && status < 500 && AUTHORIZATIONS_PATH.equals(path)) {
            metrics.authorizationWithoutProcessor(Outcome.REJECTED);
        }
    }
}
