package io.voyager.rollouts.judge.score;

import io.voyager.rollouts.judge.Label;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kayenta's score: within each group, the weighted share of classified metrics that passed; across
 * groups, the average weighted by group weight. NoData and Error metrics are left out (they are counted
 * separately by the decision); a group with nothing classified does not count.
 */
public final class Scorer {
    private Scorer() {}

    /** 0..100, or NaN when no metric could be classified. */
    public static double score(JudgeConfig config, List<MetricResult> results) {
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            MetricResult result = results.get(i);
            MetricConfig metric = config.metrics().get(i);
            if (!result.label().isClassified()) {
                continue;
            }
            double[] passedAndTotal = groups.computeIfAbsent(metric.group(), g -> new double[2]);
            passedAndTotal[1] += metric.weight();
            if (result.label() == Label.PASS) {
                passedAndTotal[0] += metric.weight();
            }
        }
        double weighted = 0;
        double weights = 0;
        for (Map.Entry<String, double[]> group : groups.entrySet()) {
            double w = config.groupWeight(group.getKey());
            weighted += w * group.getValue()[0] / group.getValue()[1];
            weights += w;
        }
        return weights == 0 ? Double.NaN : 100.0 * weighted / weights;
    }
}
