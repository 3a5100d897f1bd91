package io.voyager.gateway.sandbox;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A sandbox processor's faults: added latency, share of HTTP 500 answers, and whether its port is closed. */
@RegisterForReflection
public record FaultSettings(int latencyMs, double errorRate, boolean down) {

    static final int MAX_LATENCY_MS = 60_000;

    static FaultSettings of(SandboxConfig.Fault fault) {
        return new FaultSettings(fault.latencyMs(), fault.errorRate(), fault.down());
    }

    String invalidity() {
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            return "latencyMs must be between 0 and " + MAX_LATENCY_MS;
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            return "errorRate must be between 0 and 1";
        }
        return null;
    }
}
