package io.voyager.gateway.observability;

import io.voyager.gateway.authorization.AuthorizationResource;
import io.voyager.gateway.problem.RejectionListener;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts authorization requests refused with a 4xx before any processor saw them as outcome "rejected". */
@ApplicationScoped
public class RejectedRequests implements RejectionListener {

    private final AuthorizationMetrics metrics;

    RejectedRequests(AuthorizationMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void answered(String path, int status) {
        if (status >= 400 && status < 500 && AuthorizationResource.PATH.equals(path)) {
            metrics.authorizationWithoutProcessor(Outcome.REJECTED);
        }
    }
}
