package io.voyager.gateway.authorization;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code 201 Created} body. {@code declineCode} is null unless the status is DECLINED. */
@RegisterForReflection
public record AuthorizationResponse(
        String id,
        Status status,
        String processor,
        String processorReference,
        String declineCode,
        Amount amount,
        String createdAt) {

    public enum Status {
        AUTHORIZED,
        DECLINED
    }
}
