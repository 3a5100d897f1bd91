package io.voyager.gateway.processor;

/** Base of the failures an adapter reports. No stack trace: these are expected, frequent and cheap. */
public abstract class ProcessorException extends RuntimeException {

    private final ProcessorId processor;

    protected ProcessorException(ProcessorId processor, String message, Throwable cause) {
        super(processor.label() + ": " + message, cause, false, false);
        this.processor = processor;
    }

    public ProcessorId processor() {
        return processor;
    }
}
