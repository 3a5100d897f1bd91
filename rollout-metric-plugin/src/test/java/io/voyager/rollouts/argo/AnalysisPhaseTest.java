package io.voyager.rollouts.argo;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.judge.Phase;
import org.junit.jupiter.api.Test;

class AnalysisPhaseTest {
    @Test
    void eachVerdictPhaseIsReportedInArgosWord() {
        assertThat(AnalysisPhase.of(Phase.SUCCESSFUL)).isEqualTo(AnalysisPhase.Successful);
        assertThat(AnalysisPhase.of(Phase.INCONCLUSIVE)).isEqualTo(AnalysisPhase.Inconclusive);
        assertThat(AnalysisPhase.of(Phase.FAILED)).isEqualTo(AnalysisPhase.Failed);
        assertThat(AnalysisPhase.of(Phase.ERROR)).isEqualTo(AnalysisPhase.Error);
        assertThat(AnalysisPhase.of(null)).as("no phase is no verdict").isEqualTo(AnalysisPhase.Error);
    }
}
