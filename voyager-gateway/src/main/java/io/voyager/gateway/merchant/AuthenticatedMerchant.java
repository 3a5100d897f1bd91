package io.voyager.gateway.merchant;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/** The merchants whose API key authenticated the current request. */
@RequestScoped
public class AuthenticatedMerchant {

    private Set<String> ids = Set.of();

    void set(Set<String> merchantIds) {
        this.ids = Set.copyOf(merchantIds);
    }

    /** Whether the key may act for this merchant; false when the request was not authenticated. */
    public boolean mayActFor(String merchantId) {
        return ids.contains(merchantId);
    }
}
