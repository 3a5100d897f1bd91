package io.voyager.gateway.merchant;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/** The merchants whose API key authenticated the current request, and whether it was the warm-up's key. */
@RequestScoped
public class AuthenticatedMerchant {

    private Set<String> ids = Set.of();
    private boolean warmUp;

    void set(Set<String> merchantIds) {
        this.ids = Set.copyOf(merchantIds);
    }

    void setWarmUp() {
        this.ids = Set.of(WarmUpKey.MERCHANT);
        this.warmUp = true;
    }

    /** Whether the start-up warm-up's key ({@link WarmUpKey}) authenticated the request: its lane serves it. */
    public boolean warmUp() {
        return warmUp;
    }

    /** Whether the key may act for this merchant; false when the request was not authenticated. */
    public boolean mayActFor(String merchantId) {
        return ids.contains(merchantId);
    }
}
