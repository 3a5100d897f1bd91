package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.bench.ScrapedRollout;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.testsupport.RealPrometheus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A rollout of the judge's cluster-like accuracy benchmark, scraped every 10 s into a TSDB built by promtool and
 * served by a real Prometheus, read back look by look through the plugin's own queries with the window "since
 * the analysis started" as the deployed template sets it. Its looks end in the recent past.
 */
final class ReplayedRollout implements AutoCloseable {
    private final ScrapedRollout rollout;
    private final Instant start;
    private final RealPrometheus prometheus;
    private final JudgeSettings settings;
    private final HttpClient http = PrometheusClient.newHttpClient();

    private ReplayedRollout(ScrapedRollout rollout, Instant start, RealPrometheus prometheus) throws Exception {
        this.rollout = rollout;
        this.start = start;
        this.prometheus = prometheus;
        this.settings = JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\""
                        + prometheus.address() + "\"},\"canary\":\"rollouts_pod_template_hash=\\\""
                        + ScrapedRollout.CANARY + "\\\"\",\"baseline\":\"rollouts_pod_template_hash=\\\""
                        + ScrapedRollout.STABLE + "\\\"\",\"slice\":\"30s\"}")
                .settings()
                .withPlannedLooks(rollout.looks());
    }

    static ReplayedRollout serve(ScrapedRollout rollout) throws Exception {
        Instant start = Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds((long) rollout.looks() * rollout.intervalSeconds() + 60);
        RealPrometheus prometheus = RealPrometheus.start(rollout.openMetrics(start.getEpochSecond()));
        try {
            return new ReplayedRollout(rollout, start, prometheus);
        } catch (Exception e) {
            prometheus.close();
            throw e;
        }
    }

    JudgeSettings settings() {
        return settings;
    }

    /** What the plugin hands the judge at look {@code look}. */
    Map<String, MetricData> fetch(int look) throws Exception {
        return CanaryLook.fetch(new PrometheusClient(http, settings.prometheus()), settings, window(look), at(look));
    }

    /** The plugin's whole look: queries, answers read, judged. */
    Verdict judge(int look) {
        return CanaryLook.judge(http, settings, look, window(look), at(look));
    }

    private Instant at(int look) {
        return start.plusSeconds((long) look * rollout.intervalSeconds());
    }

    /** The AnalysisRun started a few seconds before the canary's first traffic, as Argo starts it. */
    private Duration window(int look) {
        return settings.window().resolve(at(look), start.minusSeconds(5));
    }

    @Override
    public void close() throws Exception {
        prometheus.close();
    }
}
