package io.voyager.gateway.merchant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** A JSON secret {@code {"m_123": ["<sha256 hex>", ...]}} read with GetSecretValue; the version id tells a rotation. */
final class SecretsManagerMerchantKeys implements MerchantKeySource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;
    private final String name;

    SecretsManagerMerchantKeys(SecretsManagerClient client, String name) {
        this.client = client;
        this.name = name;
    }

    @Override
    public String location() {
        return name;
    }

    @Override
    public Fetched fetch() {
        GetSecretValueResponse secret = client.getSecretValue(request -> request.secretId(name));
        return new Fetched(parse(name, secret.secretString()), secret.versionId());
    }

    static MerchantKeyHashes parse(String name, String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Secret " + name + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    "Secret " + name + " must be a JSON object of merchantId -> [sha256 hex]");
        }
        Map<String, List<String>> digests = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> merchant = it.next();
            List<String> hexes = new ArrayList<>();
            JsonNode value = merchant.getValue();
            if (value.isTextual()) {
                hexes.add(value.asText());
            } else if (value.isArray()) {
                value.forEach(element -> hexes.add(element.asText()));
            } else {
                throw new IllegalArgumentException("Secret " + name + ": merchant " + merchant.getKey()
                        + " must map to a hash or a list of hashes");
            }
            digests.put(merchant.getKey(), hexes);
        }
        return MerchantKeyHashes.of(digests, "Secret " + name);
    }
}
