package io.voyager.rollouts.judge.testsupport;

import io.voyager.rollouts.judge.CanaryJudge;
import io.voyager.rollouts.judge.LookContext;
import io.voyager.rollouts.judge.Phase;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.data.MetricData;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The share of simulated one-look judgements that fail, each drawn from one seeded stream. */
public final class FailedShare {
    private FailedShare() {}

    public static double atFirstLook(
            JudgeConfig config, int runs, long seed, Function<SplittableRandom, Map<String, MetricData>> draw) {
        SplittableRandom random = new SplittableRandom(seed);
        int failed = 0;
        for (int run = 0; run < runs; run++) {
            if (CanaryJudge.judge(config, LookContext.look(1), draw.apply(random))
                            .phase()
                    == Phase.FAILED) {
                failed++;
            }
        }
        return (double) failed / runs;
    }
}
