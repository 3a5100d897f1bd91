package io.voyager.gateway.sandbox;

/** The deterministic test tokens. Any other token is approved. */
enum SandboxScenario {
    APPROVED,
    DECLINED,
    TIMEOUT,
    ERROR;

    static SandboxScenario of(String token) {
        if (token == null) {
            return APPROVED;
        }
        return switch (token) {
            case "tok_declined" -> DECLINED;
            case "tok_timeout" -> TIMEOUT;
            case "tok_error" -> ERROR;
            default -> APPROVED;
        };
    }
}
