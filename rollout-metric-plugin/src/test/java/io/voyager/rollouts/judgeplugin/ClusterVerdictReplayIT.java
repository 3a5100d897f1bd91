package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.CanaryJudge;
import io.voyager.rollouts.judge.LookContext;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.Phase;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.bench.ScrapedRollout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rollouts of the judge's cluster-like accuracy benchmark replayed through a real Prometheus ({@link
 * ReplayedRollout}) and judged by the plugin's whole look, against the same config judging the simulator's own
 * counts: every look must end the same way, so the benchmark's rates are what the plugin would give.
 */
class ClusterVerdictReplayIT {
    private static final long SEED = 20_251_207L;
    /**
     * Relative: how far Prometheus' extrapolation of slices and of scaled-down stable pods may move a metric's
     * effect (at most 0.38% measured over these five rollouts).
     */
    private static final double EFFECT_TOLERANCE = 0.01;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "heterogeneous pods | A/A (canary = stable) | false",
                "heterogeneous pods | errors 0.5% -> 1.5% | true",
                "heterogeneous pods | latency p99 +25% | true",
                "error burst on every pod | A/A (canary = stable) | false",
                "off-peak 450 req/s | latency p99 +25% | true"
            })
    void everyLookEndsAsOnTheSimulatorsCounts(String condition, String scenario, boolean regressed) throws Exception {
        ScrapedRollout rollout = ScrapedRollout.draw(condition, scenario, SEED);
        List<String> plugin = new ArrayList<>();
        List<String> simulated = new ArrayList<>();
        boolean failed = false;
        try (ReplayedRollout replay = ReplayedRollout.serve(rollout)) {
            for (int look = 1; look <= rollout.looks(); look++) {
                Verdict read = replay.judge(look);
                Verdict drawn =
                        CanaryJudge.judge(replay.settings().judge(), LookContext.look(look), rollout.judgedAt(look));
                plugin.add(outcome(look, read));
                simulated.add(outcome(look, drawn));
                failed |= drawn.phase() == Phase.FAILED;
                for (int m = 0; m < drawn.metrics().size(); m++) {
                    MetricResult expected = drawn.metrics().get(m);
                    double effect = read.metrics().get(m).effect();
                    String what = "look " + look + " " + expected.name() + " effect";
                    if (Double.isNaN(expected.effect())) {
                        assertThat(effect).as(what).isNaN();
                    } else {
                        assertThat(effect)
                                .as(what)
                                .isCloseTo(expected.effect(), within(EFFECT_TOLERANCE * Math.abs(expected.effect())));
                    }
                }
            }
        }
        assertThat(plugin).containsExactlyElementsOf(simulated);
        // This seed's rollouts go as the benchmark's rows mostly do: a regression is failed, an unchanged canary
        // is not. So the looks compared include failed ones.
        assertThat(failed).as(String.join("; ", simulated)).isEqualTo(regressed);
    }

    private static String outcome(int look, Verdict verdict) {
        StringBuilder out = new StringBuilder("look " + look + " " + verdict.phase());
        for (MetricResult m : verdict.metrics()) {
            out.append(", ").append(m.name()).append(' ').append(m.label());
        }
        return out.toString();
    }
}
