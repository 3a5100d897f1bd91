package io.voyager.rollouts.judgeplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voyager.rollouts.judge.bench.ScrapedRollout;
import io.voyager.rollouts.judge.data.HistogramData;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.judge.data.RatioData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rollout of the judge's cluster-like accuracy benchmark (20 pods that differ, errors 0.5% -> 1.5%, 12 looks),
 * scraped every 10 s into a TSDB built by promtool, served by a real Prometheus and read back through the
 * plugin's own queries look by look, with the window "since the analysis started" as the deployed template
 * sets it. What the judge is handed must be what the simulator hands it in the benchmark.
 *
 * <p>Exact for every pod serving at the look (each of its series has a sample at the look's instant and starts
 * at 0, so {@code increase()} does not extrapolate). A stable pod scaled down earlier ends before the look:
 * Prometheus extrapolates its last sample by half a scrape interval, which scales its good and total counts
 * alike, so its rate is still exact and its counts are within that factor.
 */
class ClusterReplayIT {
    private static final long SEED = 20_251_207L;
    private static final ScrapedRollout ROLLOUT =
            ScrapedRollout.draw("heterogeneous pods", "errors 0.5% -> 1.5%", SEED);
    private static final Duration SCRAPE =
            Duration.ofSeconds(ROLLOUT.intervalSeconds() / ScrapedRollout.SCRAPES_PER_INTERVAL);
    private static ReplayedRollout replay;

    @BeforeAll
    static void startPrometheus() throws Exception {
        replay = ReplayedRollout.serve(ROLLOUT);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (replay != null) {
            replay.close();
        }
    }

    @Test
    void everyLookReadsBackTheSimulatorsCountsAndRates() throws Exception {
        for (int look = 1; look <= ROLLOUT.looks(); look++) {
            Map<String, MetricData> data = replay.fetch(look);
            RatioData ratio = (RatioData) data.get(GatewayMetrics.SUCCESS_RATE);
            HistogramData latency = (HistogramData) data.get(GatewayMetrics.LATENCY);
            List<ScrapedRollout.PodCounts> canary = new ArrayList<>();
            List<ScrapedRollout.PodCounts> stable = new ArrayList<>();
            for (ScrapedRollout.PodCounts pod : ROLLOUT.sinceStart(look)) {
                (pod.canary() ? canary : stable).add(pod);
            }
            String at = "look " + look;

            // The canary's pods all serve to the end: exact, summed and (from two pods on) pod by pod.
            assertThat(ratio.canaryTotal())
                    .as(at)
                    .isEqualTo(canary.stream().mapToDouble(p -> p.total()).sum());
            assertThat(ratio.canaryGood())
                    .as(at)
                    .isEqualTo(canary.stream().mapToDouble(p -> p.good()).sum());
            assertThat(latency.canaryCumulative()).as(at).containsExactly(sum(canary, ScrapedRollout.bounds().length));
            if (canary.size() > 1) {
                assertThat(ratio.canaryPods())
                        .as(at)
                        .containsExactlyElementsOf(
                                canary.stream().map(ClusterReplayIT::cluster).toList());
            }

            assertThat(ratio.baselinePods()).as(at).hasSameSizeAs(stable);
            for (int i = 0; i < stable.size(); i++) {
                ScrapedRollout.PodCounts expected = stable.get(i);
                RatioData.Cluster read = ratio.baselinePods().get(i);
                double[] readBuckets = latency.baselinePods().get(i);
                String pod = at + ", " + expected.pod();
                assertThat(read.good() / read.total())
                        .as(pod + " success rate")
                        .isCloseTo((double) expected.good() / expected.total(), within(1e-12));
                double scale = read.total() / expected.total();
                if (ROLLOUT.servesAt(expected.pod(), look)) {
                    assertThat(read).as(pod).isEqualTo(cluster(expected));
                    assertThat(readBuckets).as(pod).containsExactly(expected.cumulativeBuckets());
                } else {
                    // Half a scrape interval beyond the pod's last sample, over at least one 30 s interval.
                    double span = ROLLOUT.intervalSeconds();
                    assertThat(scale)
                            .as(pod + " extrapolation")
                            .isBetween(1.0, (span + SCRAPE.toSeconds() / 2.0) / span);
                    for (int b = 0; b < readBuckets.length; b++) {
                        assertThat(readBuckets[b])
                                .as(pod + " bucket " + b)
                                .isCloseTo(expected.cumulativeBuckets()[b] * scale, within(1e-6));
                    }
                }
            }
        }
    }

    /**
     * Slice by slice, each 30 s slice is one interval of the simulator. Prometheus sees an interval's requests from
     * its second scrape on and extrapolates them over the slice; with the counts split in thirds that is
     * (c - floor(c / 3)) * 1.5, between c and c + 1 for each series (approved and error, per pod).
     */
    @Test
    void everySliceReadsBackOneIntervalOfTheSimulator() throws Exception {
        for (int look = 2; look <= ROLLOUT.looks(); look++) {
            RatioData ratio = (RatioData) replay.fetch(look).get(GatewayMetrics.SUCCESS_RATE);

            assertThat(ratio.slices()).as("look %d", look).hasSize(look);
            for (int k = 1; k <= look; k++) {
                long[] canary = interval(k, true);
                long[] stable = interval(k, false);
                RatioData.Slice slice = ratio.slices().get(k - 1);
                String at = "look " + look + ", slice " + k;
                assertThat(slice.canaryTotal())
                        .as(at + " canary total")
                        .isBetween((double) canary[1], canary[1] + 2.0 * canary[2]);
                assertThat(slice.canaryGood())
                        .as(at + " canary good")
                        .isBetween((double) canary[0], canary[0] + 1.0 * canary[2]);
                assertThat(slice.baselineTotal())
                        .as(at + " stable total")
                        .isBetween((double) stable[1], stable[1] + 2.0 * stable[2]);
                assertThat(slice.baselineGood())
                        .as(at + " stable good")
                        .isBetween((double) stable[0], stable[0] + 1.0 * stable[2]);
            }
        }
    }

    /** One side's good and total requests in interval {@code k}, and how many of its pods served in it. */
    private static long[] interval(int k, boolean canary) {
        Map<String, ScrapedRollout.PodCounts> before = new HashMap<>();
        ROLLOUT.sinceStart(k - 1).forEach(p -> before.put(p.pod(), p));
        long good = 0;
        long total = 0;
        long pods = 0;
        for (ScrapedRollout.PodCounts pod : ROLLOUT.sinceStart(k)) {
            ScrapedRollout.PodCounts earlier = before.get(pod.pod());
            long n = pod.total() - (earlier == null ? 0 : earlier.total());
            if (pod.canary() != canary || n == 0) {
                continue;
            }
            good += pod.good() - (earlier == null ? 0 : earlier.good());
            total += n;
            pods++;
        }
        return new long[] {good, total, pods};
    }

    private static RatioData.Cluster cluster(ScrapedRollout.PodCounts pod) {
        return new RatioData.Cluster(pod.good(), pod.total());
    }

    private static double[] sum(List<ScrapedRollout.PodCounts> pods, int buckets) {
        double[] out = new double[buckets];
        for (ScrapedRollout.PodCounts pod : pods) {
            for (int b = 0; b < buckets; b++) {
                out[b] += pod.cumulativeBuckets()[b];
            }
        }
        return out;
    }
}
