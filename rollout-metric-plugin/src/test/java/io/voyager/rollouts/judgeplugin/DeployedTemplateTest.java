package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.voyager.rollouts.argo.MetricProviderPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The AnalysisTemplate this repository deploys must be a config the judge accepts. */
class DeployedTemplateTest {
    private static final Path TEMPLATE = Path.of("../src-deploy/base/analysis-template-canary-vs-stable.yaml");
    private static final Path SERVICE_MONITOR = Path.of("../src-deploy/base/service-monitor.yaml");

    @Test
    void deployedCanaryVsStableTemplateIsAValidJudgeConfig() throws Exception {
        String resolved = resolvedConfig(metric());

        JudgeSettingsParser.Result result = JudgeSettingsParser.parseJson(resolved);

        assertThat(result.errors()).as(resolved).isEmpty();
        assertThat(result.settings().canary().render()).isEqualTo("rollouts_pod_template_hash=\"7d9c8f\"");
        assertThat(result.settings().window()).isInstanceOf(Window.SinceAnalysisStart.class);
        assertThat(result.settings().plannedLooksSet()).isTrue();
    }

    @Test
    void deployedLookEndsBeforeTheNextIsDue() throws Exception {
        JsonNode metric = metric();
        Duration interval = Durations.parse(metric.path("interval").asText());

        JudgeSettings settings =
                JudgeSettingsParser.parseJson(resolvedConfig(metric)).settings();

        assertThat(settings.deadline())
                .as("the look's deadline against the metric's interval")
                .isLessThan(interval);
        assertThat(settings.prometheus().timeout())
                .as("one query's timeout against the look's deadline")
                .isLessThan(settings.deadline());
    }

    /** A canary pod's latency is compared from the second look at the latest: its warm-up ends before that. */
    @Test
    void deployedPodWarmUpEndsBeforeTheSecondLook() throws Exception {
        JsonNode metric = metric();
        Duration secondLook = Durations.parse(metric.path("initialDelay").asText())
                .plus(Durations.parse(metric.path("interval").asText()));

        JudgeSettings settings =
                JudgeSettingsParser.parseJson(resolvedConfig(metric)).settings();

        assertThat(settings.podWarmUp()).isPositive().isLessThan(secondLook);
    }

    /** increase() over a slice needs two scrapes in it; three leave room for a missed one. */
    @Test
    void deployedSliceHoldsThreeScrapes() throws Exception {
        JsonNode endpoint = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(SERVICE_MONITOR))
                .path("spec")
                .path("endpoints")
                .path(0);
        Duration scrape = Durations.parse(endpoint.path("interval").asText());

        JudgeSettings settings =
                JudgeSettingsParser.parseJson(resolvedConfig(metric())).settings();

        assertThat(settings.slice()).isGreaterThanOrEqualTo(scrape.multipliedBy(3));
    }

    private static JsonNode metric() throws Exception {
        assertThat(TEMPLATE).as("the deployed AnalysisTemplate").exists();
        return new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(TEMPLATE))
                .path("spec")
                .path("metrics")
                .path(0);
    }

    /** Argo resolves {{args.*}} before the plugin sees the config: stand-in hashes, as the controller would. */
    private static String resolvedConfig(JsonNode metric) {
        JsonNode config = metric.path("provider").path("plugin").path(MetricProviderPlugin.NAME);
        return config.toString().replace("{{args.canary-hash}}", "7d9c8f").replace("{{args.stable-hash}}", "5b6f4a");
    }
}
