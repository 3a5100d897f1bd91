package io.voyager.loadtest;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Splits requests between targets by integer weights, the way NGINX's canary
 * annotation splits between stable and canary. Weights may change while a run is
 * going (a canary step), and the split is deterministic: request i goes to the
 * target whose cumulative weight covers {@code i mod total} after a fixed stride,
 * so each target receives its exact share over every window of 100 requests.
 */
public final class TrafficSplit {

    private static final int STRIDE = 37; // coprime with 100: spreads each target's share evenly

    private final List<URI> targets;
    private final AtomicIntegerArray weights;

    public TrafficSplit(List<URI> targets, int[] initialWeights) {
        if (targets.isEmpty() || targets.size() != initialWeights.length) {
            throw new IllegalArgumentException("need one weight per target");
        }
        this.targets = List.copyOf(targets);
        this.weights = new AtomicIntegerArray(initialWeights.length);
        setWeights(initialWeights);
    }

    public static TrafficSplit single(URI target) {
        return new TrafficSplit(List.of(target), new int[] {100});
    }

    public List<URI> targets() {
        return targets;
    }

    public void setWeights(int... newWeights) {
        if (newWeights.length != targets.size()) {
            throw new IllegalArgumentException("need " + targets.size() + " weights, got " + newWeights.length);
        }
        int total = 0;
        for (int w : newWeights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        for (int i = 0; i < newWeights.length; i++) {
            weights.set(i, newWeights[i]);
        }
    }

    public int targetIndexFor(long requestIndex) {
        int total = 0;
        for (int i = 0; i < weights.length(); i++) {
            total += weights.get(i);
        }
        long slot = Math.floorMod(requestIndex * STRIDE, (long) total);
        for (int i = 0; i < weights.length(); i++) {
            slot -= weights.get(i);
            if (slot < 0) {
                return i;
            }
        }
        return weights.length() - 1;
    }
}
