package io.voyager.rollouts.judge.bench;

/** What Prometheus would record for one 30 s interval, per side. */
record IntervalData(
        long canaryTotal,
        long canaryFailures,
        long stableTotal,
        long stableFailures,
        long[] canaryBuckets,
        long[] stableBuckets,
        double[] canaryCpu,
        double[] stableCpu) {}
