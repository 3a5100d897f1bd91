package io.voyager.gateway.processor;

import io.voyager.gateway.credentials.CredentialsProvider;

/**
 * How the start-up warm-up copies an adapter ({@link LoopbackProcessors}): the adapter's own
 * constructor, for a twin on other endpoints, guards and credentials, and the processor's answers
 * on the wire to an approved and a declined authorization, as the loopback server sends them.
 */
public record LoopbackTwin(Constructor constructor, LoopbackAnswer approved, LoopbackAnswer declined) {

    @FunctionalInterface
    public interface Constructor {
        HttpProcessorAdapter<?> build(
                ProcessorsConfig config,
                ProcessorEndpoints endpoints,
                ProcessorGuards guards,
                CredentialsProvider credentials);
    }
}
