package io.voyager.gateway.processor;

/**
 * The port every processor adapter implements. Implementations are the fault-tolerance boundary.
 *
 * <p>Failures are reported with the {@link ProcessorException} subtypes, which say whether the
 * request may have reached the processor (and so whether failing over is safe).
 */
public interface PaymentProcessor {

    ProcessorId id();

    ProcessorResult authorize(ProcessorRequest request);
}
