package io.voyager.gateway.merchant;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the merchant key hashes were read; until then every /v1 request would be a 401. */
@Readiness
@ApplicationScoped
public class MerchantKeysReadiness implements HealthCheck {

    private final MerchantKeys keys;

    MerchantKeysReadiness(MerchantKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("merchant-keys").status(keys.ready()).build();
    }
}
