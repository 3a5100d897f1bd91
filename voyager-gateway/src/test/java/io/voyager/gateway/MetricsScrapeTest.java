package io.voyager.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.testsupport.Payments;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Drives traffic through all three processors (approvals, a decline, a timeout, an error, a
 * failover, rejected input), scrapes {@code /q/metrics} and checks the metric contract that
 * alerts, dashboards and the canary judge are written against. The scrape is kept in
 * {@code target/q-metrics.txt} for the checks of those other parts.
 */
@QuarkusTest
class MetricsScrapeTest {

    private static final Path SCRAPE = Path.of("target", "q-metrics.txt");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> PROCESSORS = Set.of("stripe", "adyen", "mercadopago", "none");
    private static final Set<String> OUTCOMES = Set.of("approved", "declined", "error", "timeout", "rejected");
    private static final double EXACT = 1e-9;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void exportsTheMetricContractWithBoundedLabels() throws IOException {
        breakers.resetAll();
        given().when().delete("/sandbox/faults").then().statusCode(200);
        String secretKey = "idem-" + UUID.randomUUID();
        Map<String, Double> before = samples(scrape());

        Payments.authorize("USD", "tok_approved", null, secretKey).statusCode(201);
        Payments.authorize("USD", "tok_declined").statusCode(201);
        Payments.authorize("EUR", "tok_approved").statusCode(201);
        Payments.authorize("EUR", "tok_timeout").statusCode(504);
        Payments.authorize("BRL", "tok_approved").statusCode(201);
        Payments.authorize("BRL", "tok_error").statusCode(502);
        given().contentType(ContentType.JSON)
                .body("{\"down\":true}")
                .when()
                .put("/sandbox/faults/adyen")
                .then()
                .statusCode(200);
        Payments.authorize("EUR", "tok_approved").statusCode(201);
        given().when().delete("/sandbox/faults").then().statusCode(200);
        Payments.authorize("USD", "tok_approved", "paypal", UUID.randomUUID().toString())
                .statusCode(422);
        Payments.given()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "bad")
                .body("{}")
                .post(Payments.PATH)
                .then()
                .statusCode(400);

        String text = scrape();
        Files.createDirectories(SCRAPE.getParent());
        Files.writeString(SCRAPE, text);
        Map<String, Double> after = samples(text);

        assertIncrease(before, after, "voyager_authorizations_total{outcome=\"approved\",processor=\"stripe\"}", 2);
        assertIncrease(before, after, "voyager_authorizations_total{outcome=\"declined\",processor=\"stripe\"}", 1);
        assertIncrease(before, after, "voyager_authorizations_total{outcome=\"approved\",processor=\"adyen\"}", 1);
        assertIncrease(before, after, "voyager_authorizations_total{outcome=\"timeout\",processor=\"adyen\"}", 1);
        assertIncrease(
                before, after, "voyager_authorizations_total{outcome=\"approved\",processor=\"mercadopago\"}", 1);
        assertIncrease(before, after, "voyager_authorizations_total{outcome=\"error\",processor=\"mercadopago\"}", 1);
        assertIncrease(before, after, "voyager_authorizations_total{outcome=\"rejected\",processor=\"none\"}", 2);
        // The refused attempt at adyen before failing over to stripe.
        assertIncrease(
                before, after, "voyager_processor_request_seconds_count{outcome=\"error\",processor=\"adyen\"}", 1);
        assertIncrease(
                before, after, "voyager_processor_request_seconds_count{outcome=\"timeout\",processor=\"adyen\"}", 1);
        assertIncrease(
                before,
                after,
                "voyager_processor_request_seconds_bucket{le=\"+Inf\",outcome=\"approved\",processor=\"mercadopago\"}",
                1);
        assertIncrease(
                before,
                after,
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/v1/authorizations\"}",
                5);

        assertThat(after)
                .containsKeys(
                        "voyager_processor_request_seconds_bucket{le=\"0.5\",outcome=\"approved\",processor=\"stripe\"}",
                        "voyager_processor_request_seconds_sum{outcome=\"approved\",processor=\"stripe\"}",
                        "http_server_requests_seconds_bucket{le=\"0.5\",method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/v1/authorizations\"}",
                        "http_server_requests_seconds_bucket{le=\"0.5\",method=\"POST\",outcome=\"SERVER_ERROR\",status=\"504\",uri=\"/v1/authorizations\"}",
                        "voyager_build_info{version=\"1.0.0-SNAPSHOT\"}",
                        "voyager_credentials_rotations_total{processor=\"stripe\"}",
                        "voyager_credentials_refresh_failures_total{processor=\"adyen\"}",
                        "voyager_credentials_age_seconds{processor=\"mercadopago\"}");
        assertThat(after.get("voyager_credentials_last_refresh_success{processor=\"stripe\"}"))
                .isEqualTo(1.0);
        for (String processor : Set.of("stripe", "adyen", "mercadopago")) {
            assertThat(after.get("voyager_circuit_breaker_state{processor=\"" + processor + "\",state=\"closed\"}"))
                    .as(processor + " closed")
                    .isEqualTo(1.0);
            assertThat(after.get("voyager_circuit_breaker_state{processor=\"" + processor + "\",state=\"open\"}"))
                    .as(processor + " open")
                    .isEqualTo(0.0);
            assertThat(after)
                    .containsKey("voyager_circuit_breaker_state{processor=\"" + processor + "\",state=\"half_open\"}");
        }
        assertThat(after.get("voyager_build_info{version=\"1.0.0-SNAPSHOT\"}")).isEqualTo(1.0);
        // The canary judge's podWarmUp reads each pod's age from it.
        assertThat(after.get("process_start_time_seconds"))
                .as("process_start_time_seconds")
                .isBetween(System.currentTimeMillis() / 1000.0 - 3600, System.currentTimeMillis() / 1000.0);

        assertThat(text)
                .doesNotContain(secretKey)
                .doesNotContain(Payments.MERCHANT)
                .doesNotContain("tok_");
        for (String series : after.keySet()) {
            if (series.startsWith("voyager_authorizations") || series.startsWith("voyager_processor_request")) {
                Map<String, String> labels = labels(series);
                assertThat(labels.get("processor")).as(series).isIn(PROCESSORS);
                assertThat(labels.get("outcome")).as(series).isIn(OUTCOMES);
            }
        }
    }

    private static String scrape() {
        return given().accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .header("X-Voyager-Version", "1.0.0-SNAPSHOT")
                .extract()
                .asString();
    }

    private static void assertIncrease(
            Map<String, Double> before, Map<String, Double> after, String series, double by) {
        assertThat(after).as("scrape").containsKey(series);
        assertThat(after.get(series) - before.getOrDefault(series, 0.0))
                .as(series)
                .isCloseTo(by, within(EXACT));
    }

    /** Parses the exposition text into "name{sorted labels}" -> value. */
    static Map<String, Double> samples(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            StringBuilder key = new StringBuilder(sample.group(1));
            if (!labels.isEmpty()) {
                key.append('{');
                labels.forEach((name, value) ->
                        key.append(name).append("=\"").append(value).append("\","));
                key.setCharAt(key.length() - 1, '}');
            }
            samples.put(key.toString(), Double.parseDouble(sample.group(4)));
        }
        return samples;
    }

    private static Map<String, String> labels(String series) {
        Map<String, String> labels = new TreeMap<>();
        Matcher label = LABEL.matcher(series);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }
}
