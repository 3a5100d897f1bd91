package io.voyager.rollouts.judge.bench;

/**
 * One simulated canary: what is wrong with it, if anything.
 *
 * @param family the effect's kind, for the plot's panels: "A/A", "errors", "latency", "spread"
 * @param effect the size shown on the plot's x axis, in that family's unit
 * @param canaryErrorRate share of canary requests that fail (the stable's is the profile's)
 * @param slowdown every canary request takes this factor longer (p99 moves by the same factor)
 * @param cpuSpread canary per-pod CPU noise is this many times the stable's, with the same mean
 */
record Scenario(String name, String family, double effect, double canaryErrorRate, double slowdown, double cpuSpread) {

    static Scenario aa(double stableErrorRate) {
        return new Scenario("A/A (canary = stable)", "A/A", 0, stableErrorRate, 1.0, 1.0);
    }

    static Scenario errors(double stableErrorRate, double canaryErrorRate) {
        String name = canaryErrorRate >= 1.0
                ? "errors 0.5% -> 100% (config error)"
                : String.format(
                        java.util.Locale.ROOT,
                        "errors 0.5%% -> %s%%",
                        java.math.BigDecimal.valueOf(100 * canaryErrorRate)
                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString());
        return new Scenario(name, "errors", canaryErrorRate - stableErrorRate, canaryErrorRate, 1.0, 1.0);
    }

    static Scenario latency(double stableErrorRate, double p99Increase) {
        return new Scenario(
                String.format(java.util.Locale.ROOT, "latency p99 +%.0f%%", 100 * p99Increase),
                "latency",
                p99Increase,
                stableErrorRate,
                1.0 + p99Increase,
                1.0);
    }

    static Scenario spread(double stableErrorRate, double factor) {
        return new Scenario(
                String.format(java.util.Locale.ROOT, "CPU spread x%.2f, same mean", factor),
                "spread",
                factor,
                stableErrorRate,
                1.0,
                factor);
    }
}
