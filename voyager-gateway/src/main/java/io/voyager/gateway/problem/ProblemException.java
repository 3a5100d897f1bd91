package io.voyager.gateway.problem;

import java.util.List;

/** Thrown anywhere in request handling to answer with a problem. Never carries a secret or card number. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Boolean retryable;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;
    private final String challenge;

    private ProblemException(
            ProblemType type,
            String detail,
            Boolean retryable,
            List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        this(type, detail, retryable, errors, retryAfterSeconds, null);
    }

    private ProblemException(
            ProblemType type,
            String detail,
            Boolean retryable,
            List<Problem.FieldError> errors,
            Integer retryAfterSeconds,
            String challenge) {
        super(detail, null, false, false);
        this.type = type;
        this.retryable = retryable;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, null, null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, null, List.copyOf(errors), null);
    }

    public static ProblemException retryable(ProblemType type, String detail) {
        return new ProblemException(type, detail, true, null, null);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.PROCESSOR_UNAVAILABLE, detail, true, null, retryAfterSeconds);
    }

    /** A 401 with the {@code WWW-Authenticate} challenge (RFC 6750) to send along. */
    public static ProblemException unauthenticated(String detail, String challenge) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, detail, null, null, null, challenge);
    }

    public ProblemType type() {
        return type;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String challenge() {
        return challenge;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), retryable, errors);
    }
}
