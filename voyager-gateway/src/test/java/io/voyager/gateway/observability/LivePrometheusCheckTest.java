package io.voyager.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.observability.ExpressionSources.Expression;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression the project ships (recording rules, alerts, the Grafana dashboard and the
 * AnalysisTemplates' queries) is run against a real Prometheus scraping this gateway under a short
 * load, and must parse and return data. Every metric name they read must exist in /q/metrics.
 *
 * <p>Alerts are quiet on healthy traffic by design, so each alert is checked in its {@code bool}
 * form (thresholds become 0/1 instead of filters): that proves it parses and that every input
 * series behind it exists. The result goes to target/live-prometheus-check.json, which the
 * dashboard checks in observability/tests read.
 */
@QuarkusTest
class LivePrometheusCheckTest {

    /** Labels the Kubernetes scrape adds (namespace, pod, and the Rollout's pod-template-hash). */
    private static final String NAMESPACE = "voyager";

    private static final String POD = "voyager-gateway-7d4f9c6b8f-x2k9q";
    private static final String POD_TEMPLATE_HASH = "7d4f9c6b8f";
    private static final Duration DATA_DEADLINE = Duration.ofSeconds(150);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Path REPORT = Path.of("target", "live-prometheus-check.json");
    private static final Pattern RULE_ENTRY = Pattern.compile("(?m)^\\s*-\\s+(?:record|alert):");

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One expression, what was sent for it, and the last answer. */
    private record Check(Expression expression, String sent, PrometheusServer.Answer answer) {}

    /** Other tests in this Quarkus instance may leave sandbox faults or open breakers behind, and so may this one. */
    @BeforeEach
    @AfterEach
    void healthySandbox() throws Exception {
        HttpRequest reset = HttpRequest.newBuilder(gateway.toURI().resolve("/sandbox/faults"))
                .DELETE()
                .build();
        assertThat(http.send(reset, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        breakers.resetAll();
    }

    @Test
    void shippedPromqlParsesAndReturnsDataOnALivePrometheus() throws Exception {
        Path binary = prometheusOrSkip();
        Path repo = repositoryRoot();
        Path work = Files.createTempDirectory("voyager-live-prometheus-");
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (PrometheusServer prometheus = PrometheusServer.start(binary, writeConfig(repo, work), work)) {
            LoadDriver load = new LoadDriver();
            int created = load.burst();
            assertThat(created)
                    .as("authorizations the sandbox answered with 201 during the burst")
                    .isGreaterThanOrEqualTo(250);
            // Keeps every window down to 30 s holding traffic while the checks poll.
            trickle.scheduleAtFixedRate(load::trickle, 0, 500, TimeUnit.MILLISECONDS);

            JsonNode groups = awaitRuleGroups(prometheus, expectedRuleCount(repo));
            List<Expression> expressions = new ArrayList<>(ruleExpressions(groups));
            List<Expression> dashboards = dashboardExpressions(repo);
            List<Expression> templates = ExpressionSources.analysisTemplates(
                    repo.resolve("src-deploy"),
                    Map.of("canary-hash", POD_TEMPLATE_HASH, "stable-hash", POD_TEMPLATE_HASH));
            expressions.addAll(dashboards);
            expressions.addAll(templates);

            List<Check> checks = pollUntilDataOrDeadline(prometheus, expressions);
            writeReport(checks);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(dashboards).as("dashboard queries found").isNotEmpty();
            soft.assertThat(templates)
                    .as("AnalysisTemplate queries found under src-deploy/")
                    .isNotEmpty();
            soft.assertThat(checks.stream()
                            .filter(c -> !c.answer().hasData())
                            .map(c ->
                                    c.expression().source() + ": " + c.answer().describe() + "\n    " + c.sent()))
                    .as("expressions that do not parse or return no data from the live Prometheus")
                    .isEmpty();
            soft.assertThat(unhealthyRules(prometheus.ruleGroups()))
                    .as("rules Prometheus failed to evaluate")
                    .isEmpty();
            soft.assertThat(unknownMetricNames(expressions, groups))
                    .as("metric names used in rules, dashboards or AnalysisTemplates that /q/metrics does not expose")
                    .isEmpty();
            if (!soft.errorsCollected().isEmpty()) {
                System.err.println("Prometheus log:\n" + prometheus.log());
            }
            soft.assertAll();
        } finally {
            trickle.shutdownNow();
            trickle.awaitTermination(10, TimeUnit.SECONDS);
            deleteRecursively(work);
        }
    }

    private static Path prometheusOrSkip() {
        return PrometheusServer.binary().orElseGet(() -> {
            String message =
                    "the prometheus binary is not on PATH: run scripts/provision.sh (Debian package \"prometheus\")";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: the live check must run)");
            }
            System.err.println("\n!!! SKIPPED LivePrometheusCheckTest: " + message + "\n");
            Assumptions.abort(message);
            return null;
        });
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("observability/prometheus"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no observability/prometheus above " + Path.of("").toAbsolutePath());
    }

    private Path writeConfig(Path repo, Path work) throws IOException {
        String config = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: voyager-gateway
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['%s:%d']
                        labels:
                          namespace: %s
                          pod: %s
                          rollouts_pod_template_hash: '%s'
                """.formatted(
                        repo.resolve("observability/prometheus"),
                        gateway.getHost(),
                        gateway.getPort(),
                        NAMESPACE,
                        POD,
                        POD_TEMPLATE_HASH);
        return Files.writeString(work.resolve("prometheus.yml"), config);
    }

    private static int expectedRuleCount(Path repo) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.list(repo.resolve("observability/prometheus"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Matcher m = RULE_ENTRY.matcher(Files.readString(file));
                while (m.find()) {
                    count++;
                }
            }
        }
        return count;
    }

    private static JsonNode awaitRuleGroups(PrometheusServer prometheus, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode groups = prometheus.ruleGroups();
        while (ruleCount(groups) < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            groups = prometheus.ruleGroups();
        }
        assertThat(ruleCount(groups))
                .as("rules Prometheus loaded from observability/prometheus/*.yml")
                .isEqualTo(expected);
        return groups;
    }

    private static int ruleCount(JsonNode groups) {
        int count = 0;
        for (JsonNode group : groups) {
            count += group.path("rules").size();
        }
        return count;
    }

    /** Rule expressions as Prometheus parsed them from the rule files; alerts in their bool form. */
    private static List<Expression> ruleExpressions(JsonNode groups) {
        List<Expression> found = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                String query = rule.path("query").asText();
                boolean alert = "alerting".equals(rule.path("type").asText());
                found.add(new Expression(
                        group.path("file").asText().replaceAll(".*/", "") + " "
                                + rule.path("type").asText() + " "
                                + rule.path("name").asText(),
                        query,
                        alert ? Promql.withBoolComparisons(query) : query));
            }
        }
        return found;
    }

    private static List<Expression> dashboardExpressions(Path repo) throws IOException {
        Map<String, String> grafana = new LinkedHashMap<>();
        grafana.put("$__rate_interval", "1m");
        grafana.put("$__interval", "15s");
        grafana.put("$__range", "5m");
        grafana.put("$namespace", NAMESPACE);
        List<Expression> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(repo.resolve("observability/grafana/dashboards"))) {
            for (Path json :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                found.addAll(ExpressionSources.dashboard(json, grafana));
            }
        }
        return found;
    }

    private static List<Check> pollUntilDataOrDeadline(PrometheusServer prometheus, List<Expression> expressions)
            throws Exception {
        Map<Expression, Check> latest = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(DATA_DEADLINE);
        while (true) {
            for (Expression e : expressions) {
                Check previous = latest.get(e);
                if (previous == null || !previous.answer().hasData()) {
                    latest.put(e, new Check(e, e.query(), prometheus.query(e.query())));
                }
            }
            boolean allData = latest.values().stream().allMatch(c -> c.answer().hasData());
            boolean anyParseError = latest.values().stream()
                    .anyMatch(c ->
                            c.answer().error() != null && c.answer().error().startsWith("bad_data"));
            if (allData || anyParseError || Instant.now().isAfter(deadline)) {
                return List.copyOf(latest.values());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static List<String> unhealthyRules(JsonNode groups) {
        List<String> unhealthy = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if (!"ok".equals(rule.path("health").asText())) {
                    unhealthy.add(rule.path("name").asText() + " ("
                            + rule.path("health").asText() + "): "
                            + rule.path("lastError").asText());
                }
            }
        }
        return unhealthy;
    }

    private Set<String> unknownMetricNames(List<Expression> expressions, JsonNode groups) throws Exception {
        Set<String> recorded = new TreeSet<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if ("recording".equals(rule.path("type").asText())) {
                    recorded.add(rule.path("name").asText());
                }
            }
        }
        String scrape = http.send(
                        HttpRequest.newBuilder(gateway.toURI().resolve("/q/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Set<String> exposed = Promql.exposedNames(scrape);
        Set<String> unknown = new TreeSet<>();
        for (Expression e : expressions) {
            for (String name : Promql.metricNames(e.query())) {
                boolean known = name.contains(":") ? recorded.contains(name) : exposed.contains(name);
                if (!known) {
                    unknown.add(name + " (in " + e.source() + ")");
                }
            }
        }
        return unknown;
    }

    private static void writeReport(List<Check> checks) throws IOException {
        List<Map<String, String>> entries = checks.stream()
                .map(c -> Map.of(
                        "source", c.expression().source(),
                        "expr", c.expression().text(),
                        "sent", c.sent(),
                        "result", c.answer().hasData() ? "data" : c.answer().describe()))
                .toList();
        Files.createDirectories(REPORT.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(REPORT.toFile(), Map.of("expressions", entries));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Bounded load through the sandbox processors: a burst, then a trickle while the checks poll. */
    private final class LoadDriver {

        private static final String[][] ROUTES = {{"stripe", "USD"}, {"adyen", "EUR"}, {"mercadopago", "BRL"}};
        private static final int BURST = 270;
        private final AtomicInteger keys = new AtomicInteger();

        /** Returns how many authorizations got 201. */
        int burst() throws Exception {
            int created = 0;
            for (int i = 0; i < BURST; i++) {
                String[] route = ROUTES[i % ROUTES.length];
                created += post(route[0], route[1], i % 10 == 9 ? "tok_declined" : "tok_approved") == 201 ? 1 : 0;
            }
            for (String[] route : ROUTES) {
                post(route[0], route[1], "tok_error");
                post(route[0], route[1], "tok_timeout");
            }
            // A refused connection on the route's primary: failover.
            fault("stripe", "{\"down\":true}");
            post(null, "USD", "tok_approved");
            fault("stripe", "{\"down\":false}");
            // Refused before any processor: rejected.
            send("{\"merchantId\":\"m_123\",\"reference\":\"bad\",\"amount\":{\"value\":-1,\"currency\":\"USD\"},"
                    + "\"paymentMethod\":{\"token\":\"tok_approved\"}}");
            return created;
        }

        void trickle() {
            try {
                for (String[] route : ROUTES) {
                    post(route[0], route[1], "tok_approved");
                }
            } catch (IOException e) {
                // the next tick tries again; the checks report what is missing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int post(String processor, String currency, String token) throws IOException, InterruptedException {
            String named = processor == null ? "" : ",\"processor\":\"" + processor + "\"";
            return send("{\"merchantId\":\"m_123\",\"reference\":\"live-" + keys.get()
                    + "\",\"amount\":{\"value\":1299," + "\"currency\":\"" + currency
                    + "\"},\"paymentMethod\":{\"token\":\"" + token + "\"}" + named + "}");
        }

        private void fault(String processor, String json) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(gateway.toString()).resolve("/sandbox/faults/" + processor))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }

        private int send(String body) throws IOException, InterruptedException {
            URI uri = URI.create(gateway.toString()).resolve(io.voyager.gateway.testsupport.Payments.PATH);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "live-check-" + keys.incrementAndGet())
                    .header("Authorization", "Bearer " + io.voyager.gateway.testsupport.Payments.SANDBOX_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
