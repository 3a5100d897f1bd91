package io.voyager.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlTest {

    @Test
    void metricNamesSkipFunctionsLabelsGroupingAndNumbers() {
        String expr = """
                histogram_quantile(0.99, sum by (namespace, le) (rate(http_server_requests_seconds_bucket{uri="/v1/authorizations"}[5m])))
                * on (namespace) group_left (version) max by (namespace, version) (voyager_build_info{state=~"open|half_open"})
                > 1e3 and voyager:authorization_errors:ratio_rate1h offset 5m""";

        assertThat(Promql.metricNames(expr))
                .containsExactly(
                        "http_server_requests_seconds_bucket",
                        "voyager_build_info",
                        "voyager:authorization_errors:ratio_rate1h");
    }

    @Test
    void boolFormTurnsThresholdsIntoZeroOrOneButLeavesMatchersAlone() {
        String alert = "max by (processor) (voyager_circuit_breaker_state{state!=\"closed\"}) == 1\n"
                + "and on (namespace) sum by (namespace) (x) > bool 0 and y >= 0.5 and z < 2";

        assertThat(Promql.withBoolComparisons(alert))
                .isEqualTo("max by (processor) (voyager_circuit_breaker_state{state!=\"closed\"}) == bool 1\n"
                        + "and on (namespace) sum by (namespace) (x) > bool 0 and y >= bool 0.5 and z < bool 2");
    }

    @Test
    void exposedNamesAreTheSampleNamesOfAScrape() {
        String scrape = """
                # HELP voyager_build_info Always 1
                # TYPE voyager_build_info gauge
                voyager_build_info{version="1.0.0"} 1.0
                process_cpu_usage 0.25
                """;

        assertThat(Promql.exposedNames(scrape)).containsExactly("voyager_build_info", "process_cpu_usage");
    }
}
