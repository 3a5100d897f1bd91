package io.voyager.gateway.processor;

/** What a processor decided. A decline is a business outcome, not an error. */
public record ProcessorResult(ProcessorId processor, Decision decision, String processorReference, String declineCode) {

    public enum Decision {
        AUTHORIZED,
        DECLINED
    }

    public static ProcessorResult authorized(ProcessorId processor, String processorReference) {
        return new ProcessorResult(processor, Decision.AUTHORIZED, processorReference, null);
    }

    public static ProcessorResult declined(ProcessorId processor, String processorReference, String declineCode) {
        return new ProcessorResult(processor, Decision.DECLINED, processorReference, declineCode);
    }
}
