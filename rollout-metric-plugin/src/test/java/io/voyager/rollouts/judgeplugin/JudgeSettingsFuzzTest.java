package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the judge config parser with the bytes an AnalysisTemplate can carry under
 * {@code provider.plugin}: every input becomes settings or a list of errors, returned as data; no
 * exception escapes, no hang, no out-of-memory. Seeds: valid and near-valid configs
 * (JudgeSettingsFuzzTestInputs/). Plain {@code mvn test} replays the seeds; the fuzz execution mutates.
 */
class JudgeSettingsFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void everyConfigIsSettingsOrErrors(FuzzedDataProvider data) {
        String json = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);

        JudgeSettingsParser.Result result = JudgeSettingsParser.parseJson(json);

        assertThat(result.ok()).as("settings xor errors for %s", json).isEqualTo(result.settings() != null);
    }
}
