package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.CanaryJudge;
import io.voyager.rollouts.judge.LookContext;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import io.voyager.rollouts.judge.data.SeriesData;
import io.voyager.rollouts.judge.data.Unavailable;
import io.voyager.rollouts.prometheus.LabelMatchers;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.prometheus.PrometheusException;
import io.voyager.rollouts.prometheus.Sample;
import io.voyager.rollouts.prometheus.Series;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One look, as the plugin's Run and the CLI both take it: sends every query of the look at once
 * ({@link LookQueries}), reads the answers into the judge's data for both sides, and hands that to the judge.
 * The look's deadline ({@link JudgeSettings#deadline()}) runs from the start: the queries without an answer
 * by then are cancelled and the look is an Error that names them. What the values mean is decided here,
 * explicitly:
 * <ul>
 *   <li>an empty result is a side without traffic (count 0), which the judge reports as NoData;</li>
 *   <li>a NaN count makes that side "no data" as a whole, never a rate of 0 or 1;</li>
 *   <li>an infinite count cannot come from a counter: the metric is unavailable (Error);</li>
 *   <li>NaN and infinite samples of a series are dropped;</li>
 *   <li>any failed query aborts the look with a {@link PrometheusException} (Error, not Failed);</li>
 *   <li>ratio and bucket samples that carry a {@code pod} label are also kept per pod, so the judge can weigh
 *       pod-to-pod differences; a side with a single pod is only its sum;</li>
 *   <li>with {@link JudgeSettings#podWarmUp()} set, histograms leave out each pod's first minutes on both sides
 *       ({@link PodWarmUp}), and the metric's summary says how many requests of how many pods that was.</li>
 * </ul>
 */
public final class CanaryLook {
    private static final String POD_LABEL = MetricQueries.POD_LABEL;

    private CanaryLook() {}

    /**
     * Never throws for Prometheus trouble: that becomes an Error verdict naming the problem. Returns within the
     * deadline, but for the judge's statistics on the answers (milliseconds).
     */
    public static Verdict judge(HttpClient http, JudgeSettings settings, int look, Duration window, Instant at) {
        PrometheusClient client = new PrometheusClient(http, settings.prometheus());
        Map<String, MetricData> data;
        Map<String, String> notes = new LinkedHashMap<>();
        try {
            data = fetch(client, settings, window, at, notes);
        } catch (PrometheusException e) {
            return CanaryJudge.judge(settings.judge(), LookContext.failed(look, e.getMessage()), Map.of());
        }
        return withNotes(CanaryJudge.judge(settings.judge(), LookContext.look(look), data), notes);
    }

    /** Sends every query of the look at once, then reads the answers metric by metric. */
    static Map<String, MetricData> fetch(PrometheusClient client, JudgeSettings settings, Duration window, Instant at)
            throws PrometheusException {
        return fetch(client, settings, window, at, new LinkedHashMap<>());
    }

    /** @param notes gets, by metric, what the look left out of it and why */
    static Map<String, MetricData> fetch(
            PrometheusClient client, JudgeSettings settings, Duration window, Instant at, Map<String, String> notes)
            throws PrometheusException {
        String target = settings.prometheus().address().toString();
        try (LookQueries queries = new LookQueries(client, settings.deadline(), target)) {
            Side canary = new Side("canary", settings.canary(), window, settings.step(), at);
            Side baseline = new Side("baseline", settings.baseline(), window, settings.step(), at);
            WarmUpRule warmUp = WarmUpRule.of(queries, settings, canary, baseline);
            Map<String, PendingData> pending = new LinkedHashMap<>();
            for (MetricQueries metric : settings.queries().values()) {
                pending.put(
                        metric.metric(),
                        switch (metric.kind()) {
                            case RATIO -> ratio(queries, metric, canary, baseline, settings.slice());
                            case HISTOGRAM -> histogram(queries, metric, canary, baseline, warmUp, notes);
                            case SERIES -> series(queries, metric, canary, baseline);
                        });
            }
            Map<String, MetricData> data = new LinkedHashMap<>();
            for (Map.Entry<String, PendingData> metric : pending.entrySet()) {
                data.put(metric.getKey(), metric.getValue().get());
            }
            return data;
        }
    }

    /** One metric's data, once its queries have answered. */
    private interface PendingData {
        MetricData get() throws PrometheusException;
    }

    private record Side(String name, LabelMatchers matchers, Duration window, Duration step, Instant at) {
        LookQueries.Pending<List<Sample>> instant(LookQueries queries, MetricQueries metric, String role) {
            return queries.instant(what(metric, role), metric.render(role, matchers, window, step), at);
        }

        LookQueries.Pending<List<Series>> range(LookQueries queries, MetricQueries metric, String role) {
            return queries.range(
                    what(metric, role), metric.render(role, matchers, window, step), at.minus(window), at, step);
        }

        LookQueries.Pending<List<Sample>> starts(LookQueries queries) {
            return queries.instant("pod start times (" + name + ")", PodWarmUp.startQuery(matchers), at);
        }

        /** Sends this side's per-pod query for the pods only partly warm in the window, if there are any. */
        Warmed warmed(
                LookQueries queries,
                MetricQueries metric,
                Duration warmUp,
                List<Sample> fetched,
                LookQueries.Pending<List<Sample>> pendingStarts)
                throws PrometheusException {
            List<String> pods = new ArrayList<>();
            fetched.forEach(s -> pods.add(s.labels().get(POD_LABEL)));
            pods.removeIf(Objects::isNull);
            PodWarmUp.Plan plan = PodWarmUp.plan(pods, PodWarmUp.starts(pendingStarts.get()), at, window, warmUp);
            if (plan.partial().isEmpty()) {
                return () -> PodWarmUp.keepWarm(fetched, List.of(), plan);
            }
            LookQueries.Pending<List<Sample>> answer = queries.instant(
                    what(metric, MetricQueries.BUCKETS) + " after pod warm-up",
                    PodWarmUp.partialQuery(metric, MetricQueries.BUCKETS, matchers, plan, step),
                    at);
            return () -> PodWarmUp.keepWarm(fetched, answer.get(), plan);
        }

        /**
         * The role's counts slice by slice: the query over {@code slice} at each step back from the look, as many
         * whole slices as the window holds (a remainder at the window's start is left out).
         */
        LookQueries.Pending<List<Series>> slices(
                LookQueries queries, MetricQueries metric, String role, Duration slice) {
            long whole = window.toMillis() / slice.toMillis();
            return queries.range(
                    what(metric, role) + " by slice",
                    metric.render(role, matchers, slice, step),
                    at.minus(slice.multipliedBy(whole - 1)),
                    at,
                    slice);
        }

        /** e.g. "latency buckets (canary)" */
        private String what(MetricQueries metric, String role) {
            return metric.metric() + " " + role + " (" + name + ")";
        }
    }

    private static PendingData ratio(
            LookQueries queries, MetricQueries metric, Side canary, Side baseline, Duration slice) {
        LookQueries.Pending<SideCounts> pendingCanary = counts(queries, metric, canary);
        LookQueries.Pending<SideCounts> pendingBaseline = counts(queries, metric, baseline);
        LookQueries.Pending<List<RatioData.Slice>> pendingSlices = RatioSlices.wanted(slice, canary.window())
                ? slices(queries, metric, canary, baseline, slice)
                : List::of;
        return () -> {
            SideCounts c = pendingCanary.get();
            SideCounts b = pendingBaseline.get();
            for (double v : new double[] {c.good(), c.total(), b.good(), b.total()}) {
                if (Double.isInfinite(v)) {
                    return new Unavailable("Prometheus returned an infinite count");
                }
            }
            return new RatioData(c.good(), c.total(), b.good(), b.total(), c.pods(), b.pods())
                    .withSlices(pendingSlices.get());
        };
    }

    private static LookQueries.Pending<List<RatioData.Slice>> slices(
            LookQueries queries, MetricQueries metric, Side canary, Side baseline, Duration slice) {
        LookQueries.Pending<List<Series>> canaryGood = canary.slices(queries, metric, MetricQueries.GOOD, slice);
        LookQueries.Pending<List<Series>> canaryTotal = canary.slices(queries, metric, MetricQueries.TOTAL, slice);
        LookQueries.Pending<List<Series>> baselineGood = baseline.slices(queries, metric, MetricQueries.GOOD, slice);
        LookQueries.Pending<List<Series>> baselineTotal = baseline.slices(queries, metric, MetricQueries.TOTAL, slice);
        return () -> RatioSlices.of(canaryGood.get(), canaryTotal.get(), baselineGood.get(), baselineTotal.get());
    }

    /** A side's sums, and its pods when the answer had two or more (else an empty list). */
    private record SideCounts(double good, double total, List<RatioData.Cluster> pods) {
        static final SideCounts EMPTY = new SideCounts(0, 0, List.of());
    }

    /** A NaN in either sum makes the side empty. */
    private static LookQueries.Pending<SideCounts> counts(LookQueries queries, MetricQueries metric, Side side) {
        LookQueries.Pending<List<Sample>> pendingGood = side.instant(queries, metric, MetricQueries.GOOD);
        LookQueries.Pending<List<Sample>> pendingTotal = side.instant(queries, metric, MetricQueries.TOTAL);
        return () -> {
            List<Sample> good = pendingGood.get();
            List<Sample> total = pendingTotal.get();
            double goodSum = sum(good);
            double totalSum = sum(total);
            if (Double.isNaN(goodSum) || Double.isNaN(totalSum)) {
                return SideCounts.EMPTY;
            }
            return new SideCounts(goodSum, totalSum, pods(good, total));
        };
    }

    private static List<RatioData.Cluster> pods(List<Sample> good, List<Sample> total) {
        Map<String, Double> goodByPod = new TreeMap<>();
        for (Sample s : good) {
            goodByPod.merge(s.labels().getOrDefault(POD_LABEL, ""), s.value(), Double::sum);
        }
        Map<String, Double> totalByPod = new TreeMap<>();
        for (Sample s : total) {
            totalByPod.merge(s.labels().getOrDefault(POD_LABEL, ""), s.value(), Double::sum);
        }
        if (totalByPod.size() < 2) {
            return List.of();
        }
        List<RatioData.Cluster> pods = new ArrayList<>();
        totalByPod.forEach(
                (pod, podTotal) -> pods.add(new RatioData.Cluster(goodByPod.getOrDefault(pod, 0.0), podTotal)));
        return pods;
    }

    private static double sum(List<Sample> samples) {
        double sum = 0;
        for (Sample s : samples) {
            sum += s.value();
        }
        return sum;
    }

    /** The verdict with each metric's note appended to its summary. */
    private static Verdict withNotes(Verdict verdict, Map<String, String> notes) {
        if (notes.isEmpty()) {
            return verdict;
        }
        List<MetricResult> metrics = new ArrayList<>();
        for (MetricResult m : verdict.metrics()) {
            String note = notes.get(m.name());
            metrics.add(
                    note == null
                            ? m
                            : new MetricResult(
                                    m.name(),
                                    m.label(),
                                    m.critical(),
                                    m.guardrailBreached(),
                                    m.effect(),
                                    m.interval(),
                                    m.confidence(),
                                    m.pValue(),
                                    m.boundary(),
                                    m.canaryN(),
                                    m.baselineN(),
                                    m.summary() + "; " + note));
        }
        return new Verdict(verdict.phase(), verdict.score(), verdict.message(), metrics, verdict.alpha());
    }

    /** The look's pod start times, fetched once for all histograms, when the settings ask for a warm-up. */
    private record WarmUpRule(
            Duration warmUp,
            LookQueries.Pending<List<Sample>> canaryStarts,
            LookQueries.Pending<List<Sample>> baselineStarts) {
        static WarmUpRule of(LookQueries queries, JudgeSettings settings, Side canary, Side baseline) {
            boolean anyHistogram = settings.queries().values().stream().anyMatch(m -> m.kind() == MetricKind.HISTOGRAM);
            if (settings.podWarmUp().isZero() || !anyHistogram) {
                return null;
            }
            return new WarmUpRule(settings.podWarmUp(), canary.starts(queries), baseline.starts(queries));
        }
    }

    private static PendingData histogram(
            LookQueries queries,
            MetricQueries metric,
            Side canary,
            Side baseline,
            WarmUpRule warmUp,
            Map<String, String> notes) {
        LookQueries.Pending<List<Sample>> pendingCanary = canary.instant(queries, metric, MetricQueries.BUCKETS);
        LookQueries.Pending<List<Sample>> pendingBaseline = baseline.instant(queries, metric, MetricQueries.BUCKETS);
        if (warmUp == null) {
            return () -> histogram(pendingCanary.get(), pendingBaseline.get());
        }
        return () -> {
            // Both sides' second queries go out before either is waited for.
            Warmed c = canary.warmed(queries, metric, warmUp.warmUp(), pendingCanary.get(), warmUp.canaryStarts());
            Warmed b =
                    baseline.warmed(queries, metric, warmUp.warmUp(), pendingBaseline.get(), warmUp.baselineStarts());
            PodWarmUp.Kept canaryKept = c.get();
            PodWarmUp.Kept baselineKept = b.get();
            String note = warmUpNote(warmUp.warmUp(), canaryKept.leftOut(), baselineKept.leftOut());
            if (note != null) {
                notes.put(metric.metric(), note);
            }
            MetricData data = histogram(canaryKept.samples(), baselineKept.samples());
            return data instanceof HistogramData h
                    ? h.withCanaryWarmingUp(canaryKept.leftOut().requests())
                    : data;
        };
    }

    /** One side's histogram samples under the warm-up rule, once its per-pod query (if any) has answered. */
    private interface Warmed {
        PodWarmUp.Kept get() throws PrometheusException;
    }

    /** e.g. "first 30s of each pod left out: canary 1,200 requests of 1 pod, stable none"; null when none. */
    private static String warmUpNote(Duration warmUp, PodWarmUp.LeftOut canary, PodWarmUp.LeftOut baseline) {
        if (canary.pods() == 0 && baseline.pods() == 0) {
            return null;
        }
        return "first " + Durations.format(warmUp) + " of each pod left out: canary " + leftOut(canary) + ", stable "
                + leftOut(baseline);
    }

    private static String leftOut(PodWarmUp.LeftOut side) {
        if (side.pods() == 0) {
            return "none";
        }
        return String.format(
                Locale.ROOT,
                "%,d requests of %d pod%s",
                Math.round(side.requests()),
                side.pods(),
                side.pods() == 1 ? "" : "s");
    }

    private static MetricData histogram(List<Sample> canarySamples, List<Sample> baselineSamples) {
        Map<String, TreeMap<Double, Double>> c = new TreeMap<>();
        Map<String, TreeMap<Double, Double>> b = new TreeMap<>();
        String problem = buckets(canarySamples, c);
        if (problem == null) {
            problem = buckets(baselineSamples, b);
        }
        if (problem != null) {
            return new Unavailable(problem);
        }
        TreeMap<Double, Boolean> bounds = new TreeMap<>();
        c.values().forEach(pod -> pod.keySet().forEach(le -> bounds.put(le, true)));
        b.values().forEach(pod -> pod.keySet().forEach(le -> bounds.put(le, true)));
        if (!bounds.isEmpty() && bounds.lastKey() != Double.POSITIVE_INFINITY) {
            return new Unavailable("the bucket query returned no le=\"+Inf\" bucket");
        }
        if (bounds.size() < 2) {
            // No traffic on either side (or only a +Inf bucket): an empty histogram the judge calls NoData.
            bounds.put(0.0, true);
            bounds.put(Double.POSITIVE_INFINITY, true);
        }
        double[] les = bounds.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        List<double[]> canaryPods = perPod(les, c);
        List<double[]> baselinePods = perPod(les, b);
        HistogramData pooled = HistogramData.ofPods(les, canaryPods, baselinePods);
        return new HistogramData(
                les,
                pooled.canaryCumulative(),
                pooled.baselineCumulative(),
                canaryPods.size() < 2 ? List.of() : canaryPods,
                baselinePods.size() < 2 ? List.of() : baselinePods);
    }

    private static List<double[]> perPod(double[] les, Map<String, TreeMap<Double, Double>> pods) {
        List<double[]> out = new ArrayList<>();
        pods.values().forEach(pod -> out.add(cumulative(les, pod)));
        return out;
    }

    /**
     * Fills pod -> le -> count (pod "" for series without the label); returns a problem, or null. A NaN bucket
     * makes the whole side empty.
     */
    private static String buckets(List<Sample> samples, Map<String, TreeMap<Double, Double>> into) {
        for (Sample s : samples) {
            String le = s.labels().get("le");
            if (le == null) {
                return "the bucket query returned a series without an le label: " + s.labels();
            }
            double bound;
            try {
                bound = "+Inf".equals(le) || "Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            } catch (NumberFormatException e) {
                return "the bucket query returned le=\"" + le + "\"";
            }
            if (Double.isInfinite(s.value())) {
                return "Prometheus returned an infinite bucket count";
            }
            if (Double.isNaN(s.value())) {
                into.clear();
                return null;
            }
            into.computeIfAbsent(s.labels().getOrDefault(POD_LABEL, ""), pod -> new TreeMap<>())
                    .merge(bound, s.value(), Double::sum);
        }
        return null;
    }

    /** Cumulative counts on the shared bounds; a bound a side lacks carries the count below it. */
    private static double[] cumulative(double[] les, TreeMap<Double, Double> side) {
        double[] out = new double[les.length];
        double previous = 0;
        for (int i = 0; i < les.length; i++) {
            Double count = side.get(les[i]);
            previous = count != null ? count : previous;
            out[i] = previous;
        }
        return out;
    }

    private static PendingData series(LookQueries queries, MetricQueries metric, Side canary, Side baseline) {
        LookQueries.Pending<List<Series>> pendingCanary = canary.range(queries, metric, MetricQueries.SAMPLES);
        LookQueries.Pending<List<Series>> pendingBaseline = baseline.range(queries, metric, MetricQueries.SAMPLES);
        return () -> new SeriesData(finiteValues(pendingCanary.get()), finiteValues(pendingBaseline.get()));
    }

    private static double[] finiteValues(List<Series> matrix) {
        return matrix.stream()
                .flatMapToDouble(s -> Arrays.stream(s.values()))
                .filter(Double::isFinite)
                .toArray();
    }
}
