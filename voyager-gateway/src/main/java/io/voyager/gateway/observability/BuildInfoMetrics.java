package io.voyager.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code voyager_build_info{version} 1}: lets dashboards and the canary judge tell versions apart. */
@Startup
@ApplicationScoped
public class BuildInfoMetrics {

    BuildInfoMetrics(MeterRegistry registry, BuildVersion version) {
        Gauge.builder("voyager.build.info", () -> 1)
                .description("Always 1; the version label carries the build version")
                .tag("version", version.value())
                .register(registry);
    }
}
