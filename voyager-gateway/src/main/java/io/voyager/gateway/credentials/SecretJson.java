package io.voyager.gateway.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reads {@code {"apiKey": "...", "merchantAccountId": "...", "webhookSecret": "..."}}. */
final class SecretJson {

    static final String API_KEY = "apiKey";
    static final String MERCHANT_ACCOUNT_ID = "merchantAccountId";
    static final String WEBHOOK_SECRET = "webhookSecret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretJson() {}

    static ProcessorCredentials parse(String secret, String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // The parser's message would quote the secret; keep only where it broke.
            throw new MalformedSecretException(
                    secret,
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedSecretException(
                    secret, "must be a JSON object with " + API_KEY + " and " + MERCHANT_ACCOUNT_ID);
        }
        return of(
                secret,
                text(secret, root, API_KEY),
                text(secret, root, MERCHANT_ACCOUNT_ID),
                Optional.ofNullable(text(secret, root, WEBHOOK_SECRET)));
    }

    static ProcessorCredentials of(
            String secret, String apiKey, String merchantAccountId, Optional<String> webhookSecret) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new MalformedSecretException(secret, "field " + API_KEY + " is missing or empty");
        }
        if (merchantAccountId == null || merchantAccountId.isBlank()) {
            throw new MalformedSecretException(secret, "field " + MERCHANT_ACCOUNT_ID + " is missing or empty");
        }
        return new ProcessorCredentials(apiKey.strip(), webhookSecret.map(String::strip), merchantAccountId.strip());
    }

    private static String text(String secret, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node != null && !node.isNull() && !node.isTextual()) {
            throw new MalformedSecretException(secret, "field " + field + " must be a string");
        }
        return node == null || node.isNull() ? null : node.asText();
    }
}
