package io.voyager.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    @Test
    void keepsTheRolloutStepsAndTheTemplateLimitsTheControllerReads() throws Exception {
        Path base = Path.of("../src-deploy/base");
        JsonNode rollout =
                new ObjectMapper().readTree(ManifestJson.toJson(Files.readString(base.resolve("rollout.yaml"))));
        JsonNode judge = new ObjectMapper()
                .readTree(
                        ManifestJson.toJson(Files.readString(base.resolve("analysis-template-canary-vs-stable.yaml"))));

        JsonNode steps = rollout.at("/spec/strategy/canary/steps");
        assertThat(steps.get(0).path("setWeight").asInt()).isEqualTo(5);
        assertThat(steps.get(1).at("/pause/duration").asText()).isEqualTo("2m");
        JsonNode metric = judge.at("/spec/metrics/0");
        assertThat(metric.path("interval").asText()).isEqualTo("30s");
        assertThat(metric.path("failureLimit").isInt())
                .as("failureLimit stays a number")
                .isTrue();
        assertThat(metric.at("/provider/plugin").has("voyager/canary-judge")).isTrue();
    }
}
