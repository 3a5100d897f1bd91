package io.voyager.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * Meter registries built like the exported ones (a composite over a Prometheus registry, the
 * application's meter filters on both, as Quarkus sets them up) that nothing scrapes. The start-up
 * warm-up records into them, so the recording code is compiled without any exported series seeing it.
 */
@SuppressWarnings("deprecation") // the Prometheus registry Quarkus exports with
public final class UnscrapedMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CompositeMeterRegistry composite = new CompositeMeterRegistry();
    private final AuthorizationMetrics authorizations;

    public UnscrapedMetrics(Iterable<MeterFilter> filters) {
        for (MeterFilter filter : filters) {
            if (filter == null) {
                continue; // a producer that has no filter to add
            }
            composite.config().meterFilter(filter);
            prometheus.config().meterFilter(filter);
        }
        composite.add(prometheus);
        authorizations = new AuthorizationMetrics(composite);
    }

    /** The business metrics, on these registries. */
    public AuthorizationMetrics authorizations() {
        return authorizations;
    }

    MeterRegistry registry() {
        return composite;
    }

    @Override
    public void close() {
        composite.close();
        prometheus.close();
    }
}
