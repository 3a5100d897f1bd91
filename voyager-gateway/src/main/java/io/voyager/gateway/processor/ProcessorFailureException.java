package io.voyager.gateway.processor;

/** The processor answered with a server error or an answer we cannot read. Counts against its circuit breaker. */
public final class ProcessorFailureException extends ProcessorException {

    private final int httpStatus;

    public ProcessorFailureException(ProcessorId processor, int httpStatus, String message) {
        super(processor, message + " (HTTP " + httpStatus + ")", null);
        this.httpStatus = httpStatus;
    }

    public ProcessorFailureException(ProcessorId processor, String message, Throwable cause) {
        super(processor, message, cause);
        this.httpStatus = 0;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
