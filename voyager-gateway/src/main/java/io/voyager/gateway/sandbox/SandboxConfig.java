package io.voyager.gateway.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The in-process sandbox processors of dev and test builds. */
@ConfigMapping(prefix = "voyager.sandbox")
public interface SandboxConfig {

    /** Off: requests go to the configured base URLs, e.g. a real processor's test environment. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    /** Listener port per processor; 0 picks a free one below the ephemeral range. */
    Ports ports();

    /** Latency every sandbox answer gets, uniformly drawn between min and max. */
    Latency latency();

    /** How long {@code tok_timeout} hangs before answering; longer than any processor timeout. */
    @WithDefault("2000")
    long hangMs();

    /** The credentials the sandbox processors accept, as a real account would. */
    Accepts accepts();

    /** Faults a processor starts with; change them at run time with PUT /sandbox/faults/{processor}. */
    Faults faults();

    interface Ports {
        @WithDefault("0")
        int stripe();

        @WithDefault("0")
        int adyen();

        @WithDefault("0")
        int mercadopago();
    }

    interface Latency {
        @WithDefault("20")
        int minMs();

        @WithDefault("60")
        int maxMs();
    }

    interface Accepts {
        @WithDefault("sk_test_voyager_sandbox")
        String stripeApiKey();

        @WithDefault("AQE_voyager_sandbox_key")
        String adyenApiKey();

        @WithDefault("VoyagerSandboxECOM")
        String adyenMerchantAccount();

        @WithDefault("TEST-voyager-sandbox-token")
        String mercadopagoAccessToken();
    }

    interface Faults {
        Fault stripe();

        Fault adyen();

        Fault mercadopago();
    }

    interface Fault {
        /** Added to every answer of this processor. */
        @WithDefault("0")
        int latencyMs();

        /** Share of requests, 0 to 1, answered with the processor's HTTP 500. */
        @WithDefault("0")
        double errorRate();

        /** Closes the processor's listener so connections are refused. */
        @WithDefault("false")
        boolean down();
    }
}
