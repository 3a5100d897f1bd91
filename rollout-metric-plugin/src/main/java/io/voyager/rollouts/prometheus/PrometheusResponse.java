package io.voyager.rollouts.prometheus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Reads the HTTP API's JSON envelope ({@code status}, {@code data}, {@code errorType}, {@code error},
 * {@code warnings}). Anything but a clean success becomes a {@link PrometheusException}: warnings included,
 * because Prometheus attaches them when the answer may be partial, and a partial error count could pass a
 * broken canary.
 */
final class PrometheusResponse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTED_BODY_CHARS = 200;
    /**
     * Most JSON tokens an answer may have. A tree costs some 170 bytes of heap per token, so a body of
     * tiny samples would grow 15-20 fold in memory; this bounds one tree to about 20 MB. A judged query
     * needs far fewer: a range query of a dozen pods over an hour at a 30 s step is some 10 000.
     */
    static final int MAX_TOKENS = 100_000;
    /** Trees are built one at a time, so concurrent calls cannot add their worst cases up. */
    private static final Semaphore TREE_BUILDER = new Semaphore(1);

    private PrometheusResponse() {}

    static List<Sample> vector(int httpStatus, byte[] body) throws PrometheusException {
        JsonNode data = successData(httpStatus, body);
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        if ("scalar".equals(type)) {
            return List.of(new Sample(Map.of(), value(result, "scalar")));
        }
        if (!"vector".equals(type) || !result.isArray()) {
            throw new PrometheusException("expected an instant vector, got resultType '" + type + "'");
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode element : result) {
            samples.add(new Sample(labels(element.path("metric")), value(element.path("value"), "vector")));
        }
        return samples;
    }

    static List<Series> matrix(int httpStatus, byte[] body) throws PrometheusException {
        JsonNode data = successData(httpStatus, body);
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        if (!"matrix".equals(type) || !result.isArray()) {
            throw new PrometheusException("expected a range matrix, got resultType '" + type + "'");
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode element : result) {
            JsonNode points = element.path("values");
            if (!points.isArray()) {
                throw new PrometheusException("matrix series without a values array");
            }
            double[] times = new double[points.size()];
            double[] values = new double[points.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(points.get(i), "matrix");
                times[i] = points.get(i).path(0).asDouble(Double.NaN);
            }
            series.add(new Series(labels(element.path("metric")), times, values));
        }
        return series;
    }

    private static JsonNode successData(int httpStatus, byte[] body) throws PrometheusException {
        JsonNode root;
        try {
            int tokens = countTokens(body);
            if (tokens > MAX_TOKENS) {
                throw new PrometheusException(prefix(httpStatus) + "answer has more than " + MAX_TOKENS
                        + " JSON values: narrow the query or raise step");
            }
            root = tree(body);
        } catch (JacksonException e) {
            throw new PrometheusException(prefix(httpStatus) + "response is not Prometheus JSON: " + quote(body));
        } catch (IOException e) {
            throw new PrometheusException(prefix(httpStatus) + "cannot read the response: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PrometheusException(prefix(httpStatus) + "response is not Prometheus JSON: " + quote(body));
        }
        String status = root.path("status").asText();
        if (httpStatus != 200 || !"success".equals(status)) {
            String error = root.path("errorType").asText("") + ": "
                    + root.path("error").asText(quote(body));
            throw new PrometheusException(prefix(httpStatus) + "query failed, " + error);
        }
        JsonNode warnings = root.path("warnings");
        if (warnings.isArray() && !warnings.isEmpty()) {
            List<String> texts = new ArrayList<>();
            warnings.forEach(w -> texts.add(w.asText()));
            throw new PrometheusException(
                    "Prometheus warned that the answer may be incomplete: " + String.join("; ", texts));
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new PrometheusException("response has no data object");
        }
        return data;
    }

    /** Tokens in the body, counted without building anything; stops one past the limit. */
    private static int countTokens(byte[] body) throws IOException {
        int tokens = 0;
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            while (parser.nextToken() != null && tokens <= MAX_TOKENS) {
                tokens++;
            }
        }
        return tokens;
    }

    private static JsonNode tree(byte[] body) throws IOException, PrometheusException {
        try {
            TREE_BUILDER.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while reading the response");
        }
        try {
            return JSON.readTree(body);
        } finally {
            TREE_BUILDER.release();
        }
    }

    /** A [timestamp, "value"] pair; Prometheus writes NaN and infinities as the strings NaN, +Inf, -Inf. */
    private static double value(JsonNode pair, String where) throws PrometheusException {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(1).isTextual()) {
            throw new PrometheusException("malformed " + where + " value: " + pair);
        }
        String text = pair.get(1).asText();
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new PrometheusException("malformed " + where + " value: " + pair);
                }
        }
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
        }
        return labels;
    }

    private static String prefix(int httpStatus) {
        return httpStatus == 200 ? "" : "HTTP " + httpStatus + ", ";
    }

    private static String quote(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, QUOTED_BODY_CHARS * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        return "'" + (text.length() > QUOTED_BODY_CHARS ? text.substring(0, QUOTED_BODY_CHARS) + "..." : text) + "'";
    }
}
