package io.voyager.rollouts.prometheus;

import java.util.Map;

/**
 * One series of a range query's matrix: its values in time order (NaN and infinities kept), each at the time
 * in {@code times} (Unix seconds) with the same index.
 */
public record Series(Map<String, String> labels, double[] times, double[] values) {
    public Series {
        labels = Map.copyOf(labels);
    }
}
