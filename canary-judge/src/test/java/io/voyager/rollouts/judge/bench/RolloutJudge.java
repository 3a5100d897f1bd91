package io.voyager.rollouts.judge.bench;

/** A way of judging a rollout look by look; the benchmark runs three on the same simulated data. */
interface RolloutJudge {
    String name();

    /** The first look (1-based) at which this judge fails the rollout, or 0 if it never does. */
    int firstFailingLook(TrafficProfile profile, IntervalData[] intervals);
}
