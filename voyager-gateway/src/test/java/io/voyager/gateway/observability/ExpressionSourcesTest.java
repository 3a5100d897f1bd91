package io.voyager.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpressionSourcesTest {

    @Test
    void readsBlockQuotedAndPlainQueries() {
        String yaml = """
                metrics:
                  - name: a
                    provider:
                      prometheus:
                        query: |
                          sum(rate(x_total[5m]))
                            /
                          sum(rate(y_total[5m]))
                        timeout: 10
                  - name: b
                    provider:
                      prometheus:
                        query: "sum(z{a=\\"b\\"})"
                  - name: c
                    provider:
                      prometheus:
                        query: up == 1
                """;

        assertThat(ExpressionSources.queries(yaml))
                .containsExactly("sum(rate(x_total[5m]))\n  /\nsum(rate(y_total[5m]))", "sum(z{a=\"b\"})", "up == 1");
    }

    @Test
    void templateArgsComeFromTheTestOrTheTemplateDefaults(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("templates.yaml"), """
                kind: ConfigMap
                data:
                  query: not_a_template
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: AnalysisTemplate
                spec:
                  args:
                    - name: canary-hash
                    - name: window
                      value: "2m"
                  metrics:
                    - name: m
                      provider:
                        prometheus:
                          query: rate(x_total{h="{{args.canary-hash}}"}[{{args.window}}]) > {{ args.unknown }}
                """);

        assertThat(ExpressionSources.analysisTemplates(root, Map.of("canary-hash", "abc")))
                .extracting(ExpressionSources.Expression::query)
                .containsExactly("rate(x_total{h=\"abc\"}[2m]) > {{ args.unknown }}");
    }
}
