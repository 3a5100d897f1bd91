package io.voyager.rollouts.prometheus;

import java.util.Map;

/** One element of an instant vector. The value may be NaN or infinite: callers decide what that means. */
public record Sample(Map<String, String> labels, double value) {
    public Sample {
        labels = Map.copyOf(labels);
    }
}
