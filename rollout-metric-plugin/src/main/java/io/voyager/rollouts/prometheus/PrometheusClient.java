package io.voyager.rollouts.prometheus;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Queries Prometheus' HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) with the JDK client.
 * The timeout covers the whole exchange, body included; the body is capped in bytes.
 */
public final class PrometheusClient {
    /**
     * Far above what a judged query returns (a few KB; a range query over hours of a dozen pods, some 100 KB),
     * and small enough that the concurrent calls of one plugin fit its heap together.
     */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private final HttpClient http;
    private final PrometheusSettings settings;
    private final long maxBodyBytes;

    public PrometheusClient(HttpClient http, PrometheusSettings settings) {
        this(http, settings, MAX_BODY_BYTES);
    }

    PrometheusClient(HttpClient http, PrometheusSettings settings, long maxBodyBytes) {
        this.http = http;
        this.settings = settings;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A client for many queries: HTTP/1.1 (Prometheus speaks no h2c), no redirects. Its threads are daemons. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An instant query evaluated at {@code at}. */
    public List<Sample> query(String promql, Instant at) throws PrometheusException {
        HttpResponse<byte[]> response = post("/api/v1/query", Map.of("query", promql, "time", seconds(at)), promql);
        return PrometheusResponse.vector(response.statusCode(), response.body());
    }

    /** A range query over [start, end] at {@code step}. */
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step)
            throws PrometheusException {
        Map<String, String> form = Map.of(
                "query",
                promql,
                "start",
                seconds(start),
                "end",
                seconds(end),
                "step",
                String.format(Locale.ROOT, "%.3f", step.toMillis() / 1000.0));
        HttpResponse<byte[]> response = post("/api/v1/query_range", form, promql);
        return PrometheusResponse.matrix(response.statusCode(), response.body());
    }

    /**
     * Every failure to get a whole body in time is a PrometheusException. A query whose connection closed
     * before any answer came is sent once more within what is left of the timeout: a pooled keep-alive
     * connection that Prometheus or a proxy in front of it closed as idle fails exactly so, and a query is
     * read-only, so sending it again is safe. The HTTP client itself retries only GETs that way.
     */
    private HttpResponse<byte[]> post(String path, Map<String, String> form, String promql) throws PrometheusException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        AtomicBoolean answered = new AtomicBoolean();
        try {
            return send(request(path, form, settings.timeout()), answered, deadline, promql);
        } catch (PrometheusException first) {
            long left = deadline - System.nanoTime();
            boolean closedUnanswered = first.getCause() instanceof IOException
                    && !(first.getCause() instanceof ConnectException)
                    && !answered.get();
            if (!closedUnanswered || left <= 0) {
                throw first;
            }
            Duration remaining = Duration.ofNanos(left);
            try {
                return send(request(path, form, remaining), new AtomicBoolean(), deadline, promql);
            } catch (PrometheusException second) {
                throw new PrometheusException(
                        second.getMessage() + " (sent twice: the first connection closed with no answer)",
                        second.getCause());
            }
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, AtomicBoolean answered, long deadline, String promql)
            throws PrometheusException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> {
            answered.set(true);
            return new CappedBody(maxBodyBytes);
        });
        try {
            return exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new PrometheusException(
                    "no answer from " + settings.address() + " within " + settings.timeout() + " for " + brief(promql));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while querying " + settings.address());
        } catch (ExecutionException e) {
            throw failure(e.getCause(), promql);
        }
    }

    private HttpRequest request(String path, Map<String, String> form, Duration timeout) throws PrometheusException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(endpoint(path))
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            settings.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            throw new PrometheusException("cannot build a request to " + settings.address() + ": " + e.getMessage());
        }
        if (settings.bearerTokenFile() != null) {
            builder.header("Authorization", "Bearer " + bearerToken());
        }
        return builder.build();
    }

    private URI endpoint(String path) {
        String base = settings.address().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private String bearerToken() throws PrometheusException {
        try {
            return Files.readString(settings.bearerTokenFile(), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            // The path only: never the token.
            throw new PrometheusException("cannot read the bearer token file " + settings.bearerTokenFile());
        }
    }

    private PrometheusException failure(Throwable cause, String promql) {
        String target = settings.address() + " for " + brief(promql);
        if (cause instanceof CappedBody.BodyTooLargeException) {
            return new PrometheusException("answer from " + target + " is too large: " + cause.getMessage());
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            // Worded as the timeout in post(), whichever of the two clocks runs out first.
            return new PrometheusException(
                    "no answer from " + settings.address() + " within " + settings.timeout() + " for " + brief(promql));
        }
        String what = cause == null
                ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new PrometheusException("cannot query " + target + ": " + what, cause);
    }

    private static String brief(String promql) {
        return promql.length() <= 120 ? promql : promql.substring(0, 117) + "...";
    }

    private static String seconds(Instant at) {
        return String.format(Locale.ROOT, "%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000);
    }
}
