package io.voyager.rollouts.argo;

import java.time.Clock;

/** The judge used until a real one is wired in: every measurement is an Error saying so. */
public final class NoJudgeConfigured implements MetricJudge {
    public static final String MESSAGE = "no judge configured";

    private final Clock clock;

    public NoJudgeConfigured(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Measurement run(AnalysisRunView run, MetricView metric) {
        return Measurement.error(MESSAGE, clock.instant());
    }
}
