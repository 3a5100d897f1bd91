package io.voyager.gateway.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Starts WireMock fakes of the three real processor APIs on dynamic ports and points the gateway
 * at them (sandbox off). Tests reach a fake through WireMock's HTTP admin API at the configured
 * base URL, so nothing is shared across class loaders.
 */
public class ProcessorFakes implements QuarkusTestResourceLifecycleManager {

    private static final String TEST_TIMEOUT_MS = "4000";

    private WireMockServer stripe;
    private WireMockServer adyen;
    private WireMockServer mercadopago;

    @Override
    public Map<String, String> start() {
        stripe = started();
        adyen = started();
        mercadopago = started();
        StripeFake.stub(stripe);
        AdyenFake.stub(adyen);
        MercadoPagoFake.stub(mercadopago);
        return Map.ofEntries(
                Map.entry("voyager.sandbox.enabled", "false"),
                Map.entry("voyager.processors.stripe.base-url", stripe.baseUrl()),
                Map.entry("voyager.processors.stripe.api-key", StripeFake.API_KEY),
                Map.entry("voyager.processors.adyen.base-url", adyen.baseUrl()),
                Map.entry("voyager.processors.adyen.api-key", AdyenFake.API_KEY),
                Map.entry("voyager.processors.adyen.merchant-account", AdyenFake.MERCHANT_ACCOUNT),
                Map.entry("voyager.processors.mercadopago.base-url", mercadopago.baseUrl()),
                Map.entry("voyager.processors.mercadopago.api-key", MercadoPagoFake.ACCESS_TOKEN),
                // Roomy timeouts: a cold first call on a busy test machine is not a processor timeout.
                Map.entry("voyager.processors.stripe.timeout-ms", TEST_TIMEOUT_MS),
                Map.entry("voyager.processors.adyen.timeout-ms", TEST_TIMEOUT_MS),
                Map.entry("voyager.processors.mercadopago.timeout-ms", TEST_TIMEOUT_MS));
    }

    @Override
    public void stop() {
        for (WireMockServer server : List.of(stripe, adyen, mercadopago)) {
            if (server != null) {
                server.stop();
            }
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(16)
                .jettyAcceptors(1));
        server.start();
        return server;
    }
}
