package io.voyager.rollouts.judge.score;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.Phase;
import io.voyager.rollouts.judge.config.Thresholds;
import java.util.List;

/**
 * From metric results and score to a phase, in order of precedence: a critical regression or a guardrail
 * breach fails at once; an unanswered metric makes the look an Error (never a Pass); NoData for half the
 * metrics or more is Inconclusive; otherwise the score decides, over the metrics classified (a Waiting metric,
 * whose canary is still in its warm-up, is left out; with nothing classified the look is Inconclusive).
 */
public final class Decision {
    private Decision() {}

    public static Phase decide(List<MetricResult> results, double score, Thresholds thresholds) {
        if (results.stream().anyMatch(MetricResult::failsAtOnce)) {
            return Phase.FAILED;
        }
        if (results.stream().anyMatch(r -> r.label() == Label.ERROR)) {
            return Phase.ERROR;
        }
        long noData = results.stream().filter(r -> r.label() == Label.NO_DATA).count();
        if (2 * noData >= results.size() || Double.isNaN(score)) {
            return Phase.INCONCLUSIVE;
        }
        if (score >= thresholds.pass()) {
            return Phase.SUCCESSFUL;
        }
        return score >= thresholds.marginal() ? Phase.INCONCLUSIVE : Phase.FAILED;
    }
}
