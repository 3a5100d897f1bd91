package io.voyager.gateway.processor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Where each processor lives and how long we wait for it. Credentials are read through
 * {@link io.voyager.gateway.credentials.CredentialsProvider}, never from here directly.
 */
@ConfigMapping(prefix = "voyager.processors")
public interface ProcessorsConfig {

    Processor stripe();

    Processor adyen();

    Processor mercadopago();

    default Processor of(ProcessorId id) {
        return switch (id) {
            case STRIPE -> stripe();
            case ADYEN -> adyen();
            case MERCADOPAGO -> mercadopago();
        };
    }

    interface Processor {

        /** A disabled processor is skipped by every route; set at run time, no rebuild. */
        @WithDefault("true")
        boolean enabled();

        URI baseUrl();

        Optional<String> apiKey();

        Optional<String> webhookSecret();

        /** Adyen's merchantAccount; informative for the others. */
        Optional<String> merchantAccount();

        /** The processor call's deadline (fault-tolerance timeout and the HTTP read timeout). */
        @WithDefault("350")
        long timeoutMs();

        @WithDefault("250")
        long connectTimeoutMs();

        /**
         * Calls in flight to this processor at once, and the size of its connection pool. Beyond it a
         * call is refused at once (the processor never saw it, so the route's next processor is tried).
         * It bounds the memory slow answers can hold in a pod; see README "Fault tolerance".
         */
        @WithDefault("1000")
        int maxInFlight();
    }
}
