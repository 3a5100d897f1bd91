package io.voyager.gateway.processor;

/** The connection was refused: the processor provably never saw the request, so retry and failover are safe. */
public final class ProcessorUnreachableException extends ProcessorException {

    public ProcessorUnreachableException(ProcessorId processor, Throwable cause) {
        super(processor, "connection refused", cause);
    }
}
