package io.voyager.rollouts.testsupport;

import io.voyager.rollouts.judgeplugin.GatewayMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded recordings of the gateway's metrics, as Prometheus would have scraped them, in OpenMetrics text
 * for {@code promtool tsdb create-blocks-from openmetrics}: per deployment (label
 * {@code rollouts_pod_template_hash}) the authorization outcome counters, the request latency histogram
 * and a CPU gauge. Generated rather than committed because a realistic recording is thousands of lines;
 * the same seed always gives the same samples.
 */
public final class GatewayTraffic {
    public static final Duration SCRAPE = Duration.ofSeconds(15);
    private static final double LATENCY_SIGMA = 0.6;

    /**
     * @param errorRate share of requests ending in error or timeout
     * @param latencyMedian seconds; p99 is about 4x this
     * @param cpuSpread standard deviation of the CPU gauge around 0.3 cores
     */
    public record Deployment(
            String hash, double requestsPerSecond, double errorRate, double latencyMedian, double cpuSpread) {}

    private GatewayTraffic() {}

    /** Samples every {@link #SCRAPE} from {@code end - length} to {@code end} inclusive. */
    public static String openMetrics(List<Deployment> deployments, Instant end, Duration length, long seed) {
        int points = (int) (length.toSeconds() / SCRAPE.toSeconds()) + 1;
        double[] bounds = GatewayMetrics.LATENCY_BUCKETS;
        String[] outcomes = {"approved", "declined", "error", "timeout"};
        List<long[][]> outcomeCounts = new ArrayList<>();
        List<long[][]> bucketCounts = new ArrayList<>();
        List<double[]> latencySums = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        for (int d = 0; d < deployments.size(); d++) {
            Deployment dep = deployments.get(d);
            Random random = new Random(seed * 31 + d);
            long[][] outcome = new long[outcomes.length][points];
            long[][] buckets = new long[bounds.length][points];
            double[] sum = new double[points];
            double[] gauge = new double[points];
            long[] outcomeTotals = new long[outcomes.length];
            long[] bucketTotals = new long[bounds.length];
            double latencyTotal = 0;
            for (int t = 0; t < points; t++) {
                double expected = dep.requestsPerSecond() * SCRAPE.toSeconds();
                long requests =
                        t == 0 ? 0 : Math.max(0, Math.round(expected + Math.sqrt(expected) * random.nextGaussian()));
                for (long r = 0; r < requests; r++) {
                    double u = random.nextDouble();
                    int o = u < dep.errorRate()
                            ? (u < dep.errorRate() * 0.8 ? 2 : 3)
                            : (random.nextDouble() < 0.85 ? 0 : 1);
                    outcomeTotals[o]++;
                    double latency = dep.latencyMedian() * Math.exp(LATENCY_SIGMA * random.nextGaussian());
                    latencyTotal += latency;
                    for (int b = 0; b < bounds.length; b++) {
                        if (latency <= bounds[b]) {
                            bucketTotals[b]++;
                        }
                    }
                }
                for (int o = 0; o < outcomes.length; o++) {
                    outcome[o][t] = outcomeTotals[o];
                }
                for (int b = 0; b < bounds.length; b++) {
                    buckets[b][t] = bucketTotals[b];
                }
                sum[t] = latencyTotal;
                gauge[t] = Math.max(0, 0.3 + dep.cpuSpread() * random.nextGaussian());
            }
            outcomeCounts.add(outcome);
            bucketCounts.add(buckets);
            latencySums.add(sum);
            cpu.add(gauge);
        }
        long endSeconds = end.getEpochSecond();
        long startSeconds = endSeconds - (points - 1) * SCRAPE.toSeconds();
        StringBuilder out = new StringBuilder();
        out.append("# TYPE voyager_authorizations counter\n");
        for (int d = 0; d < deployments.size(); d++) {
            for (int o = 0; o < outcomes.length; o++) {
                String labels = "{outcome=\"" + outcomes[o] + "\",rollouts_pod_template_hash=\""
                        + deployments.get(d).hash() + "\"}";
                series(
                        out,
                        "voyager_authorizations_total" + labels,
                        outcomeCounts.get(d)[o],
                        startSeconds);
            }
        }
        out.append("# TYPE http_server_requests_seconds histogram\n");
        for (int d = 0; d < deployments.size(); d++) {
            String hash = deployments.get(d).hash();
            for (int b = 0; b < bounds.length; b++) {
                String le = Double.isInfinite(bounds[b]) ? "+Inf" : Double.toString(bounds[b]);
                series(
                        out,
                        "http_server_requests_seconds_bucket{le=\"" + le + "\",rollouts_pod_template_hash=\"" + hash
                                + "\",uri=\"/v1/authorizations\"}",
                        bucketCounts.get(d)[b],
                        startSeconds);
            }
            series(
                    out,
                    "http_server_requests_seconds_count{rollouts_pod_template_hash=\"" + hash
                            + "\",uri=\"/v1/authorizations\"}",
                    bucketCounts.get(d)[bounds.length - 1],
                    startSeconds);
            gaugeSeries(
                    out,
                    "http_server_requests_seconds_sum{rollouts_pod_template_hash=\"" + hash
                            + "\",uri=\"/v1/authorizations\"}",
                    latencySums.get(d),
                    startSeconds);
        }
        out.append("# TYPE process_cpu_usage gauge\n");
        for (int d = 0; d < deployments.size(); d++) {
            gaugeSeries(
                    out,
                    "process_cpu_usage{rollouts_pod_template_hash=\""
                            + deployments.get(d).hash() + "\"}",
                    cpu.get(d),
                    startSeconds);
        }
        out.append("# EOF\n");
        return out.toString();
    }

    private static void series(StringBuilder out, String name, long[] values, long startSeconds) {
        for (int t = 0; t < values.length; t++) {
            out.append(name)
                    .append(' ')
                    .append(values[t])
                    .append(' ')
                    .append(startSeconds + t * SCRAPE.toSeconds())
                    .append('\n');
        }
    }

    private static void gaugeSeries(StringBuilder out, String name, double[] values, long startSeconds) {
        for (int t = 0; t < values.length; t++) {
            out.append(name)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.6f", values[t]))
                    .append(' ')
                    .append(startSeconds + t * SCRAPE.toSeconds())
                    .append('\n');
        }
    }
}
