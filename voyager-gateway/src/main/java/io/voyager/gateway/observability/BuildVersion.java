package io.voyager.gateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The version this instance presents: {@code voyager.version}, which defaults to the build
 * version. A canary may be started with another value.
 */
@ApplicationScoped
public class BuildVersion {

    private final String value;

    BuildVersion(@ConfigProperty(name = "voyager.version") String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
