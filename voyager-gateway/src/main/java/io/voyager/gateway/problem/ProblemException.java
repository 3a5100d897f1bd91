package io.voyager.gateway.problem;

import java.util.List;

/** Thrown anywhere in request handling to answer with a problem. Never carries a secret or card number. */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Boolean retryable;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    private ProblemException(ProblemType type, String detail, Boolean retryable, List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.retryable = retryable;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, null, null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, null, List.copyOf(errors), null);
    }

    public static ProblemException retryable(ProblemType type, String detail) {
        return new ProblemException(type, detail, true, null, null);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.PROCESSOR_UNAVAILABLE, detail, true, null, retryAfterSeconds);
    }

    public ProblemType type() {
        return type;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), retryable, errors);
    }
}
