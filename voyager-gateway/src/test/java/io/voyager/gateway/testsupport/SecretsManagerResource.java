package io.voyager.gateway.testsupport;

import static io.voyager.gateway.testsupport.SecretsManagerEmulator.secret;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Runs the Secrets Manager emulator holding the three processor secrets (matching the processor
 * fakes) and the merchant key hashes and makes the gateway read its credentials from it through the Quarkus extension's client.
 */
public class SecretsManagerResource implements QuarkusTestResourceLifecycleManager {

    private SecretsManagerEmulator emulator;

    @Override
    public Map<String, String> start() {
        try {
            emulator = new SecretsManagerEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulator.put("prod/voyager-gateway/stripe", secret(StripeFake.API_KEY, "acct_fake"));
        emulator.put("prod/voyager-gateway/adyen", secret(AdyenFake.API_KEY, AdyenFake.MERCHANT_ACCOUNT));
        emulator.put("prod/voyager-gateway/mercadopago", secret(MercadoPagoFake.ACCESS_TOKEN, "mp_fake"));
        emulator.put(
                "prod/voyager-gateway/merchant-keys",
                "{\"" + Payments.MERCHANT + "\":[\""
                        + io.voyager.gateway.merchant.MerchantKeyHashes.sha256Hex(Payments.PROD_KEY) + "\"]}");
        return Map.of(
                "voyager.credentials.source", "secrets-manager",
                "quarkus.secretsmanager.endpoint-override", emulator.endpoint().toString(),
                "quarkus.secretsmanager.aws.region", "us-east-1",
                "quarkus.secretsmanager.aws.credentials.type", "static",
                "quarkus.secretsmanager.aws.credentials.static-provider.access-key-id", "test",
                "quarkus.secretsmanager.aws.credentials.static-provider.secret-access-key", "test");
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
