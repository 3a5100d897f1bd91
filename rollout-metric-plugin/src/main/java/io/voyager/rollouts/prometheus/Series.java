package io.voyager.rollouts.prometheus;

import java.util.Map;

/** One series of a range query's matrix: its values in time order (NaN and infinities kept). */
public record Series(Map<String, String> labels, double[] values) {
    public Series {
        labels = Map.copyOf(labels);
    }
}
