package io.voyager.gateway.processor;

/** No answer in time. The processor may have authorized, so this is never failed over. */
public final class ProcessorTimeoutException extends ProcessorException {

    public ProcessorTimeoutException(ProcessorId processor, Throwable cause) {
        super(processor, "no response in time", cause);
    }
}
