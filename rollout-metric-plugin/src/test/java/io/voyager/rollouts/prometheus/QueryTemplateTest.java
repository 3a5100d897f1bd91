package io.voyager.rollouts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryTemplateTest {
    private static final LabelMatchers CANARY = LabelMatchers.parse("rollouts_pod_template_hash=\"7d9c8f\"");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String RATIO = "sum(increase(%s[${window}]))";

    @Test
    void templateGetsTheSideSelectorAndWindow() {
        QueryTemplate template = QueryTemplate.parse(
                "sum(increase(voyager_authorizations_total{outcome=~\"approved|declined\",${selector}}[${window}]))");

        assertThat(template.render(CANARY, WINDOW, STEP, RATIO))
                .isEqualTo(
                        "sum(increase(voyager_authorizations_total{outcome=~\"approved|declined\",rollouts_pod_template_hash=\"7d9c8f\"}[300s]))");
    }

    @Test
    void plainSelectorGetsTheMatcherAppendedAndTheKindsAggregation() {
        assertThat(QueryTemplate.parse("voyager_authorizations_total{outcome=~\"approved|declined\"}")
                        .render(CANARY, WINDOW, STEP, RATIO))
                .isEqualTo(
                        "sum(increase(voyager_authorizations_total{outcome=~\"approved|declined\",rollouts_pod_template_hash=\"7d9c8f\"}[300s]))");
        assertThat(QueryTemplate.parse("voyager_authorizations_total").render(CANARY, WINDOW, STEP, RATIO))
                .isEqualTo("sum(increase(voyager_authorizations_total{rollouts_pod_template_hash=\"7d9c8f\"}[300s]))");
        assertThat(QueryTemplate.parse("{__name__=\"process_cpu_usage\"}").render(CANARY, WINDOW, STEP, "%s"))
                .isEqualTo("{__name__=\"process_cpu_usage\",rollouts_pod_template_hash=\"7d9c8f\"}");
    }

    @Test
    void matcherValuesWithBracesCommasAndQuotesSurvive() {
        LabelMatchers side = LabelMatchers.parse("{app=\"a,b}\", version!~'v1\\'x', team=`x\"y`}");

        assertThat(side.matchers()).containsExactly("app=\"a,b}\"", "version!~'v1\\'x'", "team=`x\"y`");
        assertThat(QueryTemplate.parse("up{job=\"gw\"}").render(side, WINDOW, STEP, "%s"))
                .isEqualTo("up{job=\"gw\",app=\"a,b}\",version!~'v1\\'x',team=`x\"y`}");
    }

    @Test
    void stepAndWindowRoundUpToWholeSeconds() {
        assertThat(QueryTemplate.parse("rate(x{${selector}}[${step}]) / ${window}")
                        .render(CANARY, Duration.ofMillis(90_500), Duration.ofMillis(200), "%s"))
                .isEqualTo("rate(x{rollouts_pod_template_hash=\"7d9c8f\"}[1s]) / 91s");
    }

    @Test
    void expressionsWithoutThePlaceholderAreRefused() {
        assertThatThrownBy(() -> QueryTemplate.parse("sum(rate(x[5m]))"))
                .hasMessage("must contain ${selector} or be a plain series selector like name{label=\"value\"}");
        assertThatThrownBy(() -> QueryTemplate.parse("x{a=\"b\"} offset 5m"))
                .hasMessage("must contain ${selector} or be a plain series selector like name{label=\"value\"}");
        assertThatThrownBy(() -> QueryTemplate.parse("x{a=b}"))
                .hasMessageStartingWith("expected a quoted value at position 3");
        assertThatThrownBy(() -> QueryTemplate.parse(" ")).hasMessage("must not be blank");
    }

    @Test
    void sideSelectorTyposAreReportedWithThePosition() {
        assertThatThrownBy(() -> LabelMatchers.parse("rollouts_pod_template_hash:\"x\""))
                .hasMessage("expected one of = != =~ !~ at position 27 of 'rollouts_pod_template_hash:\"x\"'");
        assertThatThrownBy(() -> LabelMatchers.parse("a=\"x\" b=\"y\""))
                .hasMessage("expected ',' at position 7 of 'a=\"x\" b=\"y\"'");
        assertThatThrownBy(() -> LabelMatchers.parse("a=\"x"))
                .hasMessage("unterminated quoted value starting at position 3 of 'a=\"x'");
        assertThatThrownBy(() -> LabelMatchers.parse("{}"))
                .hasMessage("must name at least one label matcher like name=\"value\"");
        assertThatThrownBy(() -> LabelMatchers.parse("9a=\"x\""))
                .hasMessage("expected a label name at position 1 of '9a=\"x\"'");
    }
}
