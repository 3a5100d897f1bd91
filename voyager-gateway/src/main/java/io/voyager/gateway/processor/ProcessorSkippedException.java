package io.voyager.gateway.processor;

/**
 * The processor was not called at all: its circuit breaker is open or its in-flight limit is
 * reached. Nothing was sent, so failing over is safe, and nothing is counted as a processor request.
 */
public final class ProcessorSkippedException extends ProcessorException {

    public ProcessorSkippedException(ProcessorId processor, String reason, Throwable cause) {
        super(processor, reason, cause);
    }
}
