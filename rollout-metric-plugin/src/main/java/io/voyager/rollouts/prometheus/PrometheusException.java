package io.voyager.rollouts.prometheus;

/**
 * Prometheus could not answer a query usably: unreachable, too slow, an HTTP or API error, a body that is
 * not its JSON or too large. This is an infrastructure problem, never evidence about the canary.
 */
public final class PrometheusException extends Exception {
    public PrometheusException(String message) {
        super(message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
