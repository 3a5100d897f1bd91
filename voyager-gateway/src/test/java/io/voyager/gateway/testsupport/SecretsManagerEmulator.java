package io.voyager.gateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small AWS Secrets Manager speaking the real AWS JSON 1.1 protocol ({@code X-Amz-Target:
 * secretsmanager.<Operation>}) for GetSecretValue, PutSecretValue and ListSecrets, with version
 * ids, the staging labels AWSCURRENT, AWSPREVIOUS and AWSPENDING, and AWS's error shape. Driven by
 * the real SDK client through an endpoint override.
 */
public final class SecretsManagerEmulator implements AutoCloseable {

    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, List<Version>> secrets = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private volatile boolean failing;

    private static final class Version {
        final String id;
        final String value;
        final Instant created = Instant.now();
        final List<String> stages = new ArrayList<>();

        Version(String id, String value) {
            this.id = id;
            this.value = value;
        }
    }

    public SecretsManagerEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Creates or rotates a secret, as PutSecretValue with the default stage does. Returns the version id. */
    public synchronized String put(String name, String value) {
        List<Version> versions = secrets.computeIfAbsent(name, n -> new ArrayList<>());
        versions.forEach(v -> v.stages.remove(PREVIOUS));
        versions.stream().filter(v -> v.stages.remove(CURRENT)).forEach(v -> v.stages.add(PREVIOUS));
        Version version = new Version(UUID.randomUUID().toString(), value);
        version.stages.add(CURRENT);
        versions.add(version);
        return version.id;
    }

    /** How many GetSecretValue calls named this secret. */
    public int reads(String name) {
        return reads.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    /** While true, every call fails with AWS's InternalServiceError. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            JsonNode request = JSON.readTree(body.readAllBytes());
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            if (failing) {
                error(exchange, 500, "InternalServiceError", "An error occurred on the server side.");
                return;
            }
            switch (target) {
                case "secretsmanager.GetSecretValue" -> getSecretValue(exchange, request);
                case "secretsmanager.PutSecretValue" -> putSecretValue(exchange, request);
                case "secretsmanager.ListSecrets" -> listSecrets(exchange);
                default -> error(exchange, 400, "InvalidAction", "Unknown operation " + target);
            }
        }
    }

    private synchronized void getSecretValue(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("SecretId").asText();
        reads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        List<Version> versions = secrets.get(name);
        if (versions == null) {
            error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        String versionId = request.path("VersionId").asText(null);
        String stage = request.path("VersionStage").asText(versionId == null ? CURRENT : null);
        Version found = versions.stream()
                .filter(v -> versionId == null || v.id.equals(versionId))
                .filter(v -> stage == null || v.stages.contains(stage))
                .findFirst()
                .orElse(null);
        if (found == null) {
            error(
                    exchange,
                    400,
                    "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret value for staging label: " + stage);
            return;
        }
        ObjectNode answer = described(name)
                .put("VersionId", found.id)
                .put("SecretString", found.value)
                .put("CreatedDate", found.created.getEpochSecond());
        ArrayNode stages = answer.putArray("VersionStages");
        found.stages.forEach(stages::add);
        respond(exchange, answer);
    }

    private synchronized void putSecretValue(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("SecretId").asText();
        if (!secrets.containsKey(name)) {
            error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        List<String> stages = new ArrayList<>();
        request.path("VersionStages").forEach(stage -> stages.add(stage.asText()));
        String id;
        if (stages.isEmpty() || stages.contains(CURRENT)) {
            id = put(name, request.path("SecretString").asText());
        } else {
            Version pending = new Version(
                    request.path("ClientRequestToken").asText(UUID.randomUUID().toString()),
                    request.path("SecretString").asText());
            secrets.get(name).forEach(v -> v.stages.removeAll(stages));
            pending.stages.addAll(stages);
            secrets.get(name).add(pending);
            id = pending.id;
        }
        ObjectNode answer = described(name).put("VersionId", id);
        ArrayNode labels = answer.putArray("VersionStages");
        (stages.isEmpty() ? List.of(CURRENT) : stages).forEach(labels::add);
        respond(exchange, answer);
    }

    private synchronized void listSecrets(HttpExchange exchange) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("SecretList");
        secrets.forEach((name, versions) -> {
            ObjectNode entry = described(name);
            ObjectNode stages = entry.putObject("SecretVersionsToStages");
            versions.stream()
                    .filter(v -> !v.stages.isEmpty())
                    .forEach(v -> v.stages.forEach(stages.putArray(v.id)::add));
            list.add(entry);
        });
        respond(exchange, answer);
    }

    private static ObjectNode described(String name) {
        return JSON.createObjectNode()
                .put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf")
                .put("Name", name);
    }

    private static void respond(HttpExchange exchange, ObjectNode answer) throws IOException {
        send(exchange, 200, JSON.writeValueAsBytes(answer));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(
                exchange,
                status,
                JSON.writeValueAsBytes(
                        JSON.createObjectNode().put("__type", type).put("message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", JSON_11);
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A client of this emulator built the way the gateway's is: the real SDK, URL-connection HTTP. */
    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient client() {
        return software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }

    /** A processor secret's JSON. */
    public static String secret(String apiKey, String merchantAccountId) {
        return "{\"apiKey\":\"" + apiKey + "\",\"merchantAccountId\":\"" + merchantAccountId + "\"}";
    }
}
