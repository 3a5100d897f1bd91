package io.voyager.rollouts.prometheus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how to reach Prometheus.
 *
 * @param headers sent with every query, e.g. a tenant header in front of Thanos or Mimir
 * @param bearerTokenFile read before every query (tokens rotate); null for none
 */
public record PrometheusSettings(URI address, Duration timeout, Map<String, String> headers, Path bearerTokenFile) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public PrometheusSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static PrometheusSettings of(URI address) {
        return new PrometheusSettings(address, DEFAULT_TIMEOUT, Map.of(), null);
    }
}
