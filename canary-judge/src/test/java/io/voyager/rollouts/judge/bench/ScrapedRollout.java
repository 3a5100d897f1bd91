package io.voyager.rollouts.judge.bench;

import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.testsupport.GatewayLikeMetrics;
import io.voyager.rollouts.judge.testsupport.LatencyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One cluster-like rollout of the accuracy benchmark ({@link ClusterRollout}) as Prometheus would have scraped
 * it, for a replay through the plugin against a real Prometheus: OpenMetrics text for
 * {@code promtool tsdb create-blocks-from openmetrics}, and what the simulator hands the judge at each look.
 *
 * <p>Each pod is scraped {@link #SCRAPES_PER_INTERVAL} times per 30 s interval, from its first interval's start
 * (counters at 0) to its last interval's end; an interval's counts are split evenly over its scrapes. Pods are
 * named {@code voyager-gateway-stable-NN} and {@code voyager-gateway-canary-NN} and labelled
 * {@code rollouts_pod_template_hash} {@value #STABLE} or {@value #CANARY}; each carries the gateway's metric names:
 * {@code voyager_authorizations_total} (outcome approved or error) and
 * {@code http_server_requests_seconds_bucket} on {@code uri="/v1/authorizations"}.
 */
public final class ScrapedRollout {
    public static final String STABLE = "stable";
    public static final String CANARY = "canary";
    public static final int SCRAPES_PER_INTERVAL = 3;

    /** One pod's counts over a look's window since the analysis started, as the simulator has them. */
    public record PodCounts(String pod, boolean canary, long good, long total, double[] cumulativeBuckets) {}

    private final TrafficProfile profile;
    private final ClusterRollout rollout;

    private ScrapedRollout(TrafficProfile profile, ClusterRollout rollout) {
        this.profile = profile;
        this.rollout = rollout;
    }

    /**
     * The rollout the benchmark draws for this condition and scenario (their names as in its table, e.g.
     * "heterogeneous pods" and "errors 0.5% -> 1.5%") and this seed.
     */
    public static ScrapedRollout draw(String condition, String scenario, long seed) {
        ClusterTraffic traffic = ClusterTraffic.conditions().stream()
                .filter(c -> c.name().equals(condition))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no condition " + condition));
        TrafficProfile profile = traffic.profile(TrafficProfile.blackFriday());
        Scenario drawn = ClusterAccuracyBenchmark.scenarios(profile.stableErrorRate()).stream()
                .filter(s -> s.name().equals(scenario))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + scenario));
        ClusterRollout.Environment environment =
                ClusterRollout.environment(profile, traffic, new SplittableRandom(seed));
        return new ScrapedRollout(
                profile, ClusterRollout.draw(profile, traffic, drawn, environment, new SplittableRandom(~seed)));
    }

    public int looks() {
        return profile.looks();
    }

    public int intervalSeconds() {
        return profile.intervalSeconds();
    }

    public static double[] bounds() {
        return GatewayLikeMetrics.LATENCY_BOUNDS.clone();
    }

    /** Every pod that has served by look {@code look}, with its counts since the start (look 1's start). */
    public List<PodCounts> sinceStart(int look) {
        List<PodCounts> out = new ArrayList<>();
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        for (int p = 0; p < pods.size(); p++) {
            ClusterRollout.Pod pod = pods.get(p);
            if (pod.firstLook() > look) {
                continue;
            }
            long total = 0;
            long failed = 0;
            long[] perBucket = new long[GatewayLikeMetrics.LATENCY_BOUNDS.length];
            for (int l = pod.firstLook(); l <= Math.min(look, pod.lastLook()); l++) {
                total += rollout.requests(p, l);
                failed += rollout.failures(p, l);
                long[] buckets = rollout.buckets(p, l);
                for (int b = 0; b < perBucket.length; b++) {
                    perBucket[b] += buckets[b];
                }
            }
            out.add(new PodCounts(name(p), pod.canary(), total - failed, total, LatencyModel.cumulative(perBucket)));
        }
        return out;
    }

    /**
     * What the benchmark hands the Voyager judge at look {@code look} for the success rate and latency: the
     * simulator's own counts over the window since the start, per pod and slice by slice, never read from scrapes.
     */
    public Map<String, MetricData> judgedAt(int look) {
        Map<String, MetricData> all = rollout.sinceStartByPod(look);
        return Map.of(
                GatewayLikeMetrics.SUCCESS_RATE, all.get(GatewayLikeMetrics.SUCCESS_RATE),
                GatewayLikeMetrics.LATENCY, all.get(GatewayLikeMetrics.LATENCY));
    }

    /** Whether pod {@code pod} (a name from {@link #sinceStart}) still serves at look {@code look}. */
    public boolean servesAt(String pod, int look) {
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        for (int p = 0; p < pods.size(); p++) {
            if (name(p).equals(pod)) {
                return pods.get(p).servesAt(look);
            }
        }
        throw new IllegalArgumentException("no pod " + pod);
    }

    /** The scrapes, look 1 starting at {@code startEpochSeconds}. */
    public String openMetrics(long startEpochSeconds) {
        StringBuilder counters = new StringBuilder("# TYPE voyager_authorizations counter\n");
        StringBuilder histograms = new StringBuilder("# TYPE http_server_requests_seconds histogram\n");
        List<ClusterRollout.Pod> pods = rollout.environment().pods();
        int bucketCount = GatewayLikeMetrics.LATENCY_BOUNDS.length;
        long step = profile.intervalSeconds() / SCRAPES_PER_INTERVAL;
        for (int p = 0; p < pods.size(); p++) {
            ClusterRollout.Pod pod = pods.get(p);
            String labels =
                    "pod=\"" + name(p) + "\",rollouts_pod_template_hash=\"" + (pod.canary() ? CANARY : STABLE) + "\"";
            long good = 0;
            long failed = 0;
            long[] perBucket = new long[bucketCount];
            long at = startEpochSeconds + (long) (pod.firstLook() - 1) * profile.intervalSeconds();
            scrape(counters, histograms, labels, good, failed, perBucket, at);
            for (int look = pod.firstLook(); look <= pod.lastLook(); look++) {
                long requests = rollout.requests(p, look);
                long failures = rollout.failures(p, look);
                long[] buckets = rollout.buckets(p, look);
                for (int s = 1; s <= SCRAPES_PER_INTERVAL; s++) {
                    good += share(requests - failures, s);
                    failed += share(failures, s);
                    for (int b = 0; b < bucketCount; b++) {
                        perBucket[b] += share(buckets[b], s);
                    }
                    at += step;
                    scrape(counters, histograms, labels, good, failed, perBucket, at);
                }
            }
        }
        return counters.append(histograms).append("# EOF\n").toString();
    }

    /** The part of an interval's {@code count} that scrape {@code s} (1-based) adds: thirds, the rest in the last. */
    private static long share(long count, int s) {
        long third = count / SCRAPES_PER_INTERVAL;
        return s < SCRAPES_PER_INTERVAL ? third : count - third * (SCRAPES_PER_INTERVAL - 1);
    }

    private static void scrape(
            StringBuilder counters,
            StringBuilder histograms,
            String labels,
            long good,
            long failed,
            long[] perBucket,
            long at) {
        counters.append("voyager_authorizations_total{outcome=\"approved\",")
                .append(labels)
                .append("} ")
                .append(good)
                .append(' ')
                .append(at)
                .append('\n');
        counters.append("voyager_authorizations_total{outcome=\"error\",")
                .append(labels)
                .append("} ")
                .append(failed)
                .append(' ')
                .append(at)
                .append('\n');
        double[] cumulative = LatencyModel.cumulative(perBucket);
        double[] bounds = GatewayLikeMetrics.LATENCY_BOUNDS;
        for (int b = 0; b < bounds.length; b++) {
            String le = Double.isInfinite(bounds[b]) ? "+Inf" : Double.toString(bounds[b]);
            histograms
                    .append("http_server_requests_seconds_bucket{le=\"")
                    .append(le)
                    .append("\",")
                    .append(labels)
                    .append(",uri=\"/v1/authorizations\"} ")
                    .append((long) cumulative[b])
                    .append(' ')
                    .append(at)
                    .append('\n');
        }
        long count = (long) cumulative[bounds.length - 1];
        histograms
                .append("http_server_requests_seconds_count{")
                .append(labels)
                .append(",uri=\"/v1/authorizations\"} ")
                .append(count)
                .append(' ')
                .append(at)
                .append('\n');
        histograms
                .append("http_server_requests_seconds_sum{")
                .append(labels)
                .append(",uri=\"/v1/authorizations\"} ")
                .append(String.format(Locale.ROOT, "%.3f", count * LatencyModel.MEDIAN_SECONDS))
                .append(' ')
                .append(at)
                .append('\n');
    }

    private String name(int p) {
        ClusterRollout.Pod pod = rollout.environment().pods().get(p);
        int index = 0;
        for (int q = 0; q < p; q++) {
            if (rollout.environment().pods().get(q).canary() == pod.canary()) {
                index++;
            }
        }
        return String.format(Locale.ROOT, "voyager-gateway-%s-%02d", pod.canary() ? CANARY : STABLE, index);
    }
}
