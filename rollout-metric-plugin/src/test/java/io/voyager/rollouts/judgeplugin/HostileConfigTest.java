package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Inputs that once escaped the config parser as exceptions or stalled it, kept as regression tests.
 * Every one must come back as a config error naming its field.
 */
class HostileConfigTest {
    private static final String SELECTORS = "\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\"";

    private static JudgeSettingsParser.Result parse(String prometheusTimeout, String extra) {
        return JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"http://p:9090\",\"timeout\":\""
                + prometheusTimeout + "\"}," + SELECTORS + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    @Test
    void dayCountThatOverflowsIsAConfigError() {
        // was: ArithmeticException (long overflow) out of Duration.ofDays
        assertThat(parse("106751991167301d", "").errors())
                .containsExactly("prometheus.timeout: must be at most 365d, got '106751991167301d'");
    }

    @Test
    void partsThatOverflowWhenAddedAreAConfigError() {
        // was: ArithmeticException out of Duration.plus
        assertThat(parse("1s", "\"step\":\"9999999999999h9999999999999h\"").errors())
                .containsExactly("step: must be at most 365d, got '9999999999999h9999999999999h'");
    }

    @Test
    void hugePartAfterASmallOneIsAConfigError() {
        // found by the CI fuzzing run: a part that fits a Duration overflowed when added to the running total
        assertThat(parse("1s", "\"step\":\"1s9223372036854775807s\"").errors())
                .containsExactly("step: must be at most 365d, got '1s9223372036854775807s'");
    }

    @Test
    void timeoutTooLongForMillisecondsIsAConfigError() {
        // was: accepted, then ArithmeticException in the Prometheus client's toMillis on every Run
        assertThat(parse("9223372036854775807s", "").errors())
                .containsExactly("prometheus.timeout: must be at most 365d, got '9223372036854775807s'");
    }

    @Test
    void numberTooLongForALongNamesTheLimitNotTheParser() {
        // was: "For input string: ..." from NumberFormatException
        assertThat(parse("99999999999999999999m", "").errors())
                .containsExactly("prometheus.timeout: must be at most 365d, got '99999999999999999999m'");
    }

    @Test
    void longDigitRunIsRejectedWithoutStalling() {
        // was: the part pattern rescanned the digit run from every offset, ~15 s for 10 000 digits
        String digits = "1".repeat(200_000);

        JudgeSettingsParser.Result result = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> parse(digits, "\"step\":\"" + digits + "x\""),
                "hang guard, not a speed goal");

        assertThat(result.errors())
                .hasSize(2)
                .allSatisfy(error -> assertThat(error).matches("(prometheus\\.timeout|step): .*"));
    }

    @Test
    void longestAcceptedDurationIsAYear() {
        assertThat(Durations.parse("365d")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("364d23h60m")).isEqualTo(Durations.MAX);
    }
}
