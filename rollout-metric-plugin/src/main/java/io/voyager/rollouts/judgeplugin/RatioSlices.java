package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.prometheus.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Both sides' good and total counts slice by slice of the window, from four range queries whose every step
 * holds one slice's counts (the ratio's query over {@code [slice]}), one series per pod. A step where a side has
 * no series has no requests of that side. Each slice's good count is held to its total: the two are separate
 * series, and Prometheus extrapolates each over a slice on its own.
 */
final class RatioSlices {
    private RatioSlices() {}

    /** Whether slices are on and the window holds at least two of them. */
    static boolean wanted(Duration slice, Duration window) {
        return !slice.isZero() && window.compareTo(slice.multipliedBy(2)) >= 0;
    }

    static List<RatioData.Slice> of(
            List<Series> canaryGood, List<Series> canaryTotal, List<Series> baselineGood, List<Series> baselineTotal) {
        Map<Double, Double> cg = byTime(canaryGood);
        Map<Double, Double> ct = byTime(canaryTotal);
        Map<Double, Double> bg = byTime(baselineGood);
        Map<Double, Double> bt = byTime(baselineTotal);
        TreeSet<Double> times = new TreeSet<>(ct.keySet());
        times.addAll(bt.keySet());
        List<RatioData.Slice> slices = new ArrayList<>();
        for (double t : times) {
            double canary = ct.getOrDefault(t, 0.0);
            double baseline = bt.getOrDefault(t, 0.0);
            slices.add(new RatioData.Slice(
                    Math.min(canary, cg.getOrDefault(t, 0.0)),
                    canary,
                    Math.min(baseline, bg.getOrDefault(t, 0.0)),
                    baseline));
        }
        return slices;
    }

    /** Every series' finite values summed by time. */
    private static Map<Double, Double> byTime(List<Series> series) {
        Map<Double, Double> sums = new TreeMap<>();
        for (Series s : series) {
            for (int i = 0; i < s.values().length; i++) {
                if (Double.isFinite(s.times()[i]) && Double.isFinite(s.values()[i])) {
                    sums.merge(s.times()[i], s.values()[i], Double::sum);
                }
            }
        }
        return sums;
    }
}
