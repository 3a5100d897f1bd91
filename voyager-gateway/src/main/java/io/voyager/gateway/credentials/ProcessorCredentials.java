package io.voyager.gateway.credentials;

import java.util.Optional;

/** One processor's credentials. {@link #toString()} never prints a secret value. */
public record ProcessorCredentials(String apiKey, Optional<String> webhookSecret, String merchantAccountId) {

    public ProcessorCredentials {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required");
        }
        webhookSecret = webhookSecret == null ? Optional.empty() : webhookSecret;
    }

    @Override
    public String toString() {
        return "ProcessorCredentials[apiKey=****, webhookSecret=" + (webhookSecret.isPresent() ? "****" : "none")
                + ", merchantAccountId=" + merchantAccountId + "]";
    }
}
