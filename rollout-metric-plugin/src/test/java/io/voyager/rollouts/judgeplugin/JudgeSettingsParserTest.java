package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.config.Thresholds;
import io.voyager.rollouts.judge.stats.SpendingFunction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeSettingsParserTest {
    private static final String MINIMAL = "{\"prometheus\":{\"address\":\"http://prometheus.monitoring:9090\"},"
            + "\"canary\":\"rollouts_pod_template_hash=\\\"7d9c8f\\\"\",\"baseline\":\"rollouts_pod_template_hash=\\\"5b6f4a\\\"\"";

    private static JudgeSettingsParser.Result parse(String extra) {
        return JudgeSettingsParser.parseJson(MINIMAL + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private static JudgeSettings ok(String extra) {
        JudgeSettingsParser.Result result = parse(extra);
        assertThat(result.errors()).isEmpty();
        return result.settings();
    }

    @Test
    void addressAndSelectorsAloneJudgeTheGatewaysSuccessRateAndLatency() {
        JudgeSettings settings = ok("");

        assertThat(settings.prometheus().address()).isEqualTo(URI.create("http://prometheus.monitoring:9090"));
        assertThat(settings.prometheus().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.canary().render()).isEqualTo("rollouts_pod_template_hash=\"7d9c8f\"");
        assertThat(settings.window()).isEqualTo(new Window.SinceAnalysisStart(Duration.ofMinutes(1)));
        assertThat(settings.judge()).isEqualTo(JudgeConfig.withMetrics(GatewayMetrics.defaults()));
        assertThat(settings.judge().metrics())
                .extracting(MetricConfig::name)
                .containsExactly(GatewayMetrics.SUCCESS_RATE, GatewayMetrics.LATENCY);
        assertThat(settings.queries().get(GatewayMetrics.SUCCESS_RATE).templates())
                .containsOnlyKeys("good", "total");
        assertThat(settings.plannedLooksSet()).isFalse();
    }

    @Test
    void everyFieldIsRead() {
        JudgeSettings settings = ok(
                "\"window\":\"15m\",\"step\":\"1m\",\"alpha\":0.05,\"plannedLooks\":8,"
                        + "\"spending\":\"obrien-fleming\",\"thresholds\":{\"pass\":90,\"marginal\":60},\"groupWeights\":{\"infra\":0.5},"
                        + "\"metrics\":[{\"name\":\"cpu\",\"kind\":\"series\",\"direction\":\"either\",\"allowedEffect\":{\"relative\":0.2},"
                        + "\"critical\":true,\"group\":\"infra\",\"weight\":2,\"guardrail\":{\"max\":1.5},\"quantile\":0.9,"
                        + "\"minSamples\":10,\"removeOutliers\":true,\"maxSpreadRatio\":1.5,\"query\":{\"samples\":\"process_cpu_usage\"}}]");
        String prometheus = "\"prometheus\":{\"address\":\"https://thanos:10902/\",\"timeout\":\"3s\","
                + "\"headers\":{\"X-Scope-OrgID\":\"payments\"},\"bearerTokenFile\":\"/var/run/secrets/token\"}";
        JudgeSettings withPrometheus = JudgeSettingsParser.parseJson(
                        ("{" + prometheus + "," + MINIMAL.substring(MINIMAL.indexOf("\"canary\"")) + "}"))
                .settings();

        assertThat(settings.window()).isEqualTo(new Window.Lookback(Duration.ofMinutes(15)));
        assertThat(settings.step()).isEqualTo(Duration.ofMinutes(1));
        JudgeConfig judge = settings.judge();
        assertThat(judge.alpha()).isEqualTo(0.05);
        assertThat(judge.plannedLooks()).isEqualTo(8);
        assertThat(judge.spending()).isEqualTo(SpendingFunction.OBRIEN_FLEMING);
        assertThat(judge.thresholds()).isEqualTo(new Thresholds(90, 60));
        assertThat(judge.groupWeights()).isEqualTo(Map.of("infra", 0.5));
        assertThat(judge.metrics())
                .singleElement()
                .isEqualTo(new MetricConfig(
                        "cpu",
                        MetricKind.SERIES,
                        Direction.EITHER,
                        AllowedEffect.relative(0.2),
                        true,
                        "infra",
                        2.0,
                        Guardrail.below(1.5),
                        0.9,
                        10,
                        true,
                        1.5));
        assertThat(settings.queries().get("cpu").templates().get("samples")).hasToString("process_cpu_usage{}");
        assertThat(settings.plannedLooksSet()).isTrue();
        assertThat(withPrometheus.prometheus().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(withPrometheus.prometheus().headers()).isEqualTo(Map.of("X-Scope-OrgID", "payments"));
        assertThat(withPrometheus.prometheus().bearerTokenFile()).isEqualTo(Path.of("/var/run/secrets/token"));
    }

    @Test
    void builtInMetricNamesKeepTheirDefaultsAndTakeOverrides() {
        JudgeSettings settings = ok(
                "\"metrics\":[{\"name\":\"success-rate\",\"guardrail\":{\"min\":0.995}},"
                        + "{\"name\":\"latency\",\"query\":{\"buckets\":\"http_server_requests_seconds_bucket{uri=\\\"/v2/authorizations\\\"}\"}}]");

        MetricConfig success = settings.judge().metrics().get(0);
        assertThat(success).isEqualTo(GatewayMetrics.successRate().withGuardrail(Guardrail.atLeast(0.995)));
        MetricConfig latency = settings.judge().metrics().get(1);
        assertThat(latency.allowedEffect()).isEqualTo(GatewayMetrics.latency().allowedEffect());
        assertThat(settings.queries().get("latency").templates().get("buckets").isPlainSelector())
                .isTrue();
    }

    @Test
    void wrongKindIsAnErrorNamingTheFieldAndTheChoices() {
        assertThat(parse("\"metrics\":[{\"name\":\"cpu\",\"kind\":\"gauge\",\"direction\":\"either\","
                                + "\"allowedEffect\":{\"relative\":0.1},\"query\":{\"samples\":\"x\"}}]")
                        .errorMessage())
                .isEqualTo("invalid config: metrics[0].kind: must be one of ratio, histogram, series, got 'gauge'");
    }

    @Test
    void everyProblemIsListedWithItsField() {
        JudgeSettingsParser.Result result = JudgeSettingsParser.parseJson(
                "{\"prometheus\":{\"address\":\"prometheus:9090\","
                        + "\"timeout\":\"soon\",\"headers\":{\"Authorization\":\"Bearer x\"}},\"canary\":\"hash=7d9c8f\",\"window\":\"ages\","
                        + "\"alpha\":\"0.01\",\"plannedLooks\":2.5,\"thresholds\":{\"pass\":\"high\"},\"metrics\":[{\"name\":\"errors\","
                        + "\"kind\":\"ratio\",\"direction\":\"up\",\"allowedEffect\":{\"absolute\":0.01,\"relative\":0.1},"
                        + "\"query\":{\"good\":\"sum(rate(x[5m]))\",\"bad\":\"y\"}},{\"name\":\"p99\"}],\"canaryWeight\":5}");

        assertThat(result.ok()).isFalse();
        assertThat(result.errors())
                .containsExactlyInAnyOrder(
                        "config: unknown field canaryWeight (known: alpha, baseline, canary, deadline, groupWeights, metrics, minWindow, "
                                + "plannedLooks, podWarmUp, prometheus, slice, spending, step, thresholds, window)",
                        "prometheus.address: must be an http:// or https:// URL with a host, got 'prometheus:9090'",
                        "prometheus.timeout: must be a duration like 30s, 5m or 1h30m, got 'soon'",
                        "prometheus.headers.Authorization: put the token in a file and set prometheus.bearerTokenFile",
                        "canary: expected a quoted value at position 6 of 'hash=7d9c8f'",
                        "baseline: required, label matchers like rollouts_pod_template_hash=\"7d9c8f\"",
                        "window: must be sinceAnalysisStart or a duration like 5m, got 'ages'",
                        "alpha: must be a number, got \"0.01\"",
                        "plannedLooks: must be a whole number, got 2.5",
                        "thresholds.pass: must be a number, got \"high\"",
                        "metrics[0].direction: must be one of increase-is-bad, decrease-is-bad, either, got 'up'",
                        "metrics[0].allowedEffect: set exactly one of absolute or relative",
                        "metrics[0].query: unknown field bad (known: good, total)",
                        "metrics[0].query.total: required for kind ratio",
                        "metrics[1].kind: required, must be one of ratio, histogram, series",
                        "metrics[1].direction: required, must be one of increase-is-bad, decrease-is-bad, either",
                        "metrics[1].allowedEffect: required, set absolute or relative");
    }

    @Test
    void credentialsInTheAddressAreRefusedSoNoMessageCanShowThem() {
        JudgeSettingsParser.Result result =
                JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"http://judge:hunter2@p:9090\"},"
                        + "\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\"}");

        assertThat(result.errors())
                .containsExactly(
                        "prometheus.address: must not carry credentials, use prometheus.bearerTokenFile or headers");
        assertThat(result.errorMessage()).doesNotContain("hunter2");
    }

    @Test
    void queriesThatCannotTakeASelectorAreRefusedAtParseTime() {
        assertThat(parse(
                                "\"metrics\":[{\"name\":\"errors\",\"kind\":\"ratio\",\"direction\":\"decrease-is-bad\","
                                        + "\"allowedEffect\":{\"absolute\":0.01},\"query\":{\"good\":\"sum(rate(ok[5m]))\",\"total\":\"requests_total\"}}]")
                        .errors())
                .containsExactly(
                        "metrics[0].query.good: must contain ${selector} or be a plain series selector like name{label=\"value\"}");
    }

    @Test
    void valuesTheJudgeRejectsComeBackWithTheJudgesReason() {
        assertThat(parse("\"alpha\":0.7,\"plannedLooks\":0,\"thresholds\":{\"pass\":80,\"marginal\":90}")
                        .errors())
                .containsExactlyInAnyOrder(
                        "alpha: must be > 0 and < 0.5, got 0.7",
                        "plannedLooks: must be 1..200, got 0",
                        "thresholds.marginal: must be within 0..thresholds.pass, got 90.0");
    }

    @Test
    void brokenOrEmptyJsonIsAnErrorNotACrash() {
        assertThat(JudgeSettingsParser.parseJson("{\"prometheus\":").errorMessage())
                .startsWith("invalid config: config: not valid JSON at line 1");
        assertThat(JudgeSettingsParser.parseJson("").errors())
                .containsExactly("config: empty, set at least prometheus.address, canary and baseline");
        assertThat(JudgeSettingsParser.parseJson("[1]").errors()).containsExactly("config: must be an object");
        assertThat(JudgeSettingsParser.parseJson("{}").errors())
                .containsExactly(
                        "prometheus.address: required, e.g. http://prometheus.monitoring:9090",
                        "canary: required, label matchers like rollouts_pod_template_hash=\"7d9c8f\"",
                        "baseline: required, label matchers like rollouts_pod_template_hash=\"7d9c8f\"");
    }

    @Test
    void sinceAnalysisStartGrowsWithTheRunButNeverBelowItsMinimum() {
        Window window = ok("\"minWindow\":\"2m\"").window();
        Instant start = Instant.parse("2024-05-06T07:00:05Z");

        assertThat(window.resolve(start.plusSeconds(30), start)).isEqualTo(Duration.ofMinutes(2));
        assertThat(window.resolve(start.plusMillis(600_200), start)).isEqualTo(Duration.ofSeconds(601));
        assertThat(window.resolve(start, null)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void selectorsAndWindowAlsoReadAsObjects() {
        JudgeSettings settings = JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"http://p:9090\"},"
                        + "\"canary\":{\"selector\":\"h=\\\"c\\\"\"},\"baseline\":{\"selector\":\"h=\\\"b\\\"\"},"
                        + "\"window\":{\"lookback\":\"5m\"}}")
                .settings();

        assertThat(settings.canary().render()).isEqualTo("h=\"c\"");
        assertThat(settings.baseline().render()).isEqualTo("h=\"b\"");
        assertThat(settings.window()).isEqualTo(new Window.Lookback(Duration.ofMinutes(5)));
        assertThat(ok("\"window\":{\"sinceAnalysisStart\":true}").window())
                .isInstanceOf(Window.SinceAnalysisStart.class);
        assertThat(parse("\"window\":{\"sinceAnalysisStart\":true,\"lookback\":\"5m\"}")
                        .errors())
                .containsExactly("window: set either lookback or sinceAnalysisStart: true");
        assertThat(JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\"http://p:9090\"},"
                                + "\"canary\":{\"labels\":\"h=\\\"c\\\"\"},\"baseline\":\"h=\\\"b\\\"\"}")
                        .errors())
                .containsExactly(
                        "canary: unknown field labels (known: selector)",
                        "canary.selector: required, label matchers like rollouts_pod_template_hash=\"7d9c8f\"");
    }

    @Test
    void aLookHasTwentySecondsInAllUnlessTheConfigSaysOtherwise() {
        assertThat(ok("").deadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(ok("\"deadline\":\"8s\"").deadline()).isEqualTo(Duration.ofSeconds(8));
        assertThat(parse("\"deadline\":\"0s\"").errors()).containsExactly("deadline: must be longer than zero");
    }

    @Test
    void podWarmUpIsOffUnlessSetAndAtMostTenMinutes() {
        assertThat(ok("").podWarmUp()).isZero();
        assertThat(ok("\"podWarmUp\":\"30s\"").podWarmUp()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ok("\"podWarmUp\":\"0s\"").podWarmUp()).isZero();
        assertThat(parse("\"podWarmUp\":\"11m\"").errors()).containsExactly("podWarmUp: at most 10m, got 11m");
        assertThat(parse("\"podWarmUp\":\"soon\"").errors())
                .containsExactly("podWarmUp: must be a duration like 30s, 5m or 1h30m, got 'soon'");
    }

    @Test
    void sliceIsOffUnlessSetAndAtMostTenMinutes() {
        assertThat(ok("").slice()).isZero();
        assertThat(ok("\"slice\":\"30s\"").slice()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ok("\"slice\":\"0\"").slice()).isZero();
        assertThat(parse("\"slice\":\"11m\"").errors()).containsExactly("slice: at most 10m, got 11m");
        assertThat(parse("\"slice\":30").errors()).containsExactly("slice: must be a string");
    }

    @Test
    void durationsReadAsArgoWritesThem() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.format(Duration.ofSeconds(3_661))).isEqualTo("1h1m1s");
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    }
}
