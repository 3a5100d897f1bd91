package io.voyager.rollouts.bench;

import io.voyager.rollouts.judgeplugin.CanaryLook;
import io.voyager.rollouts.judgeplugin.JudgeSettingsParser;
import io.voyager.rollouts.prometheus.PrometheusClient;
import io.voyager.rollouts.testsupport.FakePrometheus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall time of one look with the gateway's two default metrics (success rate and latency) against a Prometheus
 * that answers every query 200 ms late. Prints one line: looks, median and min-max in ms.
 * Arguments: {@code [looks]} (default 20).
 */
public final class LookWallTime {
    static final long DELAY_MS = 200;

    private LookWallTime() {
    }

    public static void main(String[] args) throws Exception {
        int looks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (FakePrometheus prometheus = FakePrometheus.start(exchange -> {
            Thread.sleep(DELAY_MS);
            String query = FakePrometheus.query(exchange);
            String result = query != null && query.contains("_bucket")
                    ? "[" + bucket("0.1", 900) + "," + bucket("0.5", 990) + "," + bucket("+Inf", 1000) + "]"
                    : "[{\"metric\":{},\"value\":[1,\"" + (query != null && query.contains("timeout") ? 1000 : 995) + "\"]}]";
            FakePrometheus.send(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                    + result + "}}");
        })) {
            JudgeSettingsParser.Result parsed = JudgeSettingsParser.parseJson("{\"prometheus\":{\"address\":\""
                    + prometheus.address() + "\"},\"canary\":\"h=\\\"c\\\"\",\"baseline\":\"h=\\\"b\\\"\"}");
            HttpClient http = PrometheusClient.newHttpClient();
            Instant at = Instant.now();
            CanaryLook.judge(http, parsed.settings(), 1, Duration.ofMinutes(5), at);
            double[] ms = new double[looks];
            for (int i = 0; i < looks; i++) {
                long start = System.nanoTime();
                CanaryLook.judge(http, parsed.settings(), 1, Duration.ofMinutes(5), at);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "looks=%d median_ms=%.0f min_ms=%.0f max_ms=%.0f%n", looks, ms[looks / 2],
                    ms[0], ms[looks - 1]);
        }
    }

    private static String bucket(String le, int count) {
        return "{\"metric\":{\"le\":\"" + le + "\"},\"value\":[1,\"" + count + "\"]}";
    }
}
