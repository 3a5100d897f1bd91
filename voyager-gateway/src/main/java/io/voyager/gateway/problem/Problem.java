package io.voyager.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** An RFC 9457 problem details body, with our extension members {@code retryable} and {@code errors}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, Boolean retryable, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @RegisterForReflection
    public record FieldError(String field, String message) {}
}
