package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.CanaryJudge;
import io.voyager.rollouts.judge.LookContext;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judge.data.MetricData;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.prometheus.PrometheusException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One look, as the plugin and the CLI both take it: fetch from Prometheus, then judge. */
public final class CanaryLook {
    private CanaryLook() {
    }

    /** Never throws for Prometheus trouble: that becomes an Error verdict naming the problem. */
    public static Verdict judge(HttpClient http, JudgeSettings settings, int look, Duration window, Instant at) {
        PrometheusClient client = new PrometheusClient(http, settings.prometheus());
        Map<String, MetricData> data;
        try {
            data = new MetricFetcher(client).fetch(settings, window, at);
        } catch (PrometheusException e) {
            return CanaryJudge.judge(settings.judge(), LookContext.failed(look, e.getMessage()), Map.of());
        }
        return CanaryJudge.judge(settings.judge(), LookContext.look(look), data);
    }
}
