package io.voyager.gateway.processor;

import io.smallrye.mutiny.Uni;

/**
 * The port every processor adapter implements. The call does not block a thread: the result
 * arrives when the processor answers.
 *
 * <p>Failures are reported only with the {@link ProcessorException} subtypes, which say whether the
 * request may have reached the processor (and so whether failing over is safe). Fault-tolerance
 * decisions (breaker open, in-flight limit reached, timeout) arrive translated into them.
 */
public interface PaymentProcessor {

    ProcessorId id();

    Uni<ProcessorResult> authorize(ProcessorRequest request);
}
