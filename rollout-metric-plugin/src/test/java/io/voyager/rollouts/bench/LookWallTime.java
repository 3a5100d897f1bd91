package io.voyager.rollouts.bench;

import io.voyager.rollouts.argo.AnalysisRunView;
import io.voyager.rollouts.argo.Measurement;
import io.voyager.rollouts.argo.MetricProviderPlugin;
import io.voyager.rollouts.argo.MetricView;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.testsupport.FakePrometheus;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Wall time of one Run, called on the metric provider as Argo's controller calls it (after the wire decoding),
 * with the gateway's two default metrics (success rate and latency) against a Prometheus that answers every query
 * 200 ms late. Prints one line: runs, the last Run's phase, median and min-max in ms. Arguments: {@code [runs]}
 * (default 20). Uses only what every compared commit has, so look-wall-time.sh can build it into an older tree.
 */
public final class LookWallTime {
    static final long DELAY_MS = 200;

    private LookWallTime() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (FakePrometheus prometheus = FakePrometheus.start(exchange -> {
            Thread.sleep(DELAY_MS);
            String query = FakePrometheus.query(exchange);
            String result = query != null && query.contains("_bucket")
                    ? "[" + bucket("0.1", 900) + "," + bucket("0.5", 990) + "," + bucket("+Inf", 1000) + "]"
                    : "[{\"metric\":{},\"value\":[1,\"" + (query != null && query.contains("timeout") ? 1000 : 995)
                            + "\"]}]";
            FakePrometheus.send(
                    exchange,
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}");
        })) {
            MetricProviderPlugin provider = provider(PrometheusClient.newHttpClient(), Clock.systemUTC());
            MetricView metric = new MetricView(
                    "canary-vs-stable",
                    "30s",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    "",
                    Optional.of("{\"prometheus\":{\"address\":\""
                            + prometheus.address() + "\"},\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\","
                            + "\"window\":\"5m\"}"));
            AnalysisRunView run = new AnalysisRunView(
                    "voyager-gateway-7d9c8f-2-1",
                    "payments",
                    Map.of(),
                    Map.of(metric.name(), List.of()),
                    null,
                    Map.of());
            Measurement last = provider.run(run, metric);
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = provider.run(run, metric);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    Locale.ROOT,
                    "runs=%d phase=%s median_ms=%.0f min_ms=%.0f max_ms=%.0f%n",
                    runs,
                    last.phase(),
                    ms[runs / 2],
                    ms[0],
                    ms[runs - 1]);
        }
    }

    /**
     * The provider as PluginCommand builds it. Until the Run path was flattened it took a separate judge,
     * {@code PrometheusJudge}, through the {@code MetricJudge} interface; reflection lets this class compile
     * against both.
     */
    private static MetricProviderPlugin provider(HttpClient http, Clock clock) throws ReflectiveOperationException {
        try {
            return MetricProviderPlugin.class
                    .getConstructor(HttpClient.class, Clock.class)
                    .newInstance(http, clock);
        } catch (NoSuchMethodException before) {
            Object judge = Class.forName("io.voyager.rollouts.judgeplugin.PrometheusJudge")
                    .getConstructor(HttpClient.class, Clock.class)
                    .newInstance(http, clock);
            return MetricProviderPlugin.class
                    .getConstructor(Class.forName("io.voyager.rollouts.argo.MetricJudge"), Clock.class)
                    .newInstance(judge, clock);
        }
    }

    private static String bucket(String le, int count) {
        return "{\"metric\":{\"le\":\"" + le + "\"},\"value\":[1,\"" + count + "\"]}";
    }
}
