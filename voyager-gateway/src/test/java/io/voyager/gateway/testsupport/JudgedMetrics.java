package io.voyager.gateway.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series of a scrape that the canary judge and the SLO rules read about authorizations: the
 * business counters and processor timings, and the HTTP server histogram of the authorization route.
 */
public final class JudgedMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    private JudgedMetrics() {}

    public static String scrape() {
        return scrape(given());
    }

    /** The scrape through {@code port}, e.g. the prod build's management port. */
    public static String scrape(RequestSpecification port) {
        return port.accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** "name{labels}" -> value, for the judged series only. */
    public static Map<String, Double> of(String exposition) {
        Map<String, Double> samples = new TreeMap<>();
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            String name = sample.group(1);
            String labels = sample.group(2).replaceAll(",$", ""); // the exposition may end the labels with a comma
            if (name.equals("voyager_authorizations_total")
                    || name.startsWith("voyager_processor_request_seconds")
                    || (name.startsWith("http_server_requests_seconds")
                            && labels.contains("uri=\"" + Payments.PATH + "\""))) {
                samples.put(name + "{" + labels + "}", Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    /** The sum of the samples whose key starts with this. */
    public static double sum(Map<String, Double> samples, String prefix) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }
}
