package io.voyager.gateway.processor;

/**
 * The processor refused the request with a 4xx (bad credentials, unknown merchant account, invalid field).
 * It is healthy and answering, so this never counts as a circuit-breaker failure.
 */
public final class ProcessorRejectedException extends ProcessorException {

    private final int httpStatus;
    private final String errorCode;

    public ProcessorRejectedException(ProcessorId processor, int httpStatus, String errorCode) {
        super(processor, "rejected the request (HTTP " + httpStatus + ", code " + errorCode + ")", null);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    /** 401 and 403 mean the credentials (or the account they name) were refused; nothing was processed. */
    public boolean credentialsRefused() {
        return httpStatus == 401 || httpStatus == 403;
    }
}
