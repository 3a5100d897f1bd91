package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.stats.Interval;
import io.voyager.rollouts.judge.stats.ProportionInterval;
import java.util.Arrays;

/** How one judge did on one scenario over all seeded runs. */
record Outcome(int runs, int[] failingLooks) {

    int detected() {
        return (int) Arrays.stream(failingLooks).filter(l -> l > 0).count();
    }

    double rate() {
        return (double) detected() / runs;
    }

    /** 95% Wilson interval of the detection (or false-failure) rate. */
    Interval rateInterval() {
        return ProportionInterval.wilson(detected(), runs, 1.959963984540054);
    }

    int detectedBy(int look) {
        return (int) Arrays.stream(failingLooks).filter(l -> l > 0 && l <= look).count();
    }

    /** Median look of detection among detected runs, or NaN. */
    double medianLook() {
        int[] looks = Arrays.stream(failingLooks).filter(l -> l > 0).sorted().toArray();
        if (looks.length == 0) {
            return Double.NaN;
        }
        int n = looks.length;
        return n % 2 == 1 ? looks[n / 2] : (looks[n / 2 - 1] + looks[n / 2]) / 2.0;
    }
}
