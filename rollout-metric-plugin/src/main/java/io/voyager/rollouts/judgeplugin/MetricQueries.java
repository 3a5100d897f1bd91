package io.voyager.rollouts.judgeplugin;

import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.prometheus.LabelMatchers;
import io.voyager.rollouts.prometheus.QueryTemplate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PromQL of one metric: a template per query role, and how a role is rendered for one side. A plain series
 * selector gets its role's aggregation here, split by pod so the judge can weigh pod-to-pod differences.
 *
 * @param metric the metric's name in the judge config
 * @param templates by role: {@link #GOOD} and {@link #TOTAL} for a ratio, {@link #BUCKETS} (one series per
 *     {@code le}) for a histogram, {@link #SAMPLES} (a range query) for a series
 */
public record MetricQueries(String metric, MetricKind kind, Map<String, QueryTemplate> templates) {
    public static final String GOOD = "good";
    public static final String TOTAL = "total";
    public static final String BUCKETS = "buckets";
    public static final String SAMPLES = "samples";
    /** The label a side's answers are split by, one series per pod. */
    static final String POD_LABEL = "pod";

    private static final Map<MetricKind, List<String>> ROLES = Map.of(
            MetricKind.RATIO, List.of(GOOD, TOTAL),
            MetricKind.HISTOGRAM, List.of(BUCKETS),
            MetricKind.SERIES, List.of(SAMPLES));
    private static final String COUNT_AGGREGATION =
            "sum by (" + POD_LABEL + ") (increase(%s[" + QueryTemplate.WINDOW + "]))";
    private static final String BUCKET_AGGREGATION =
            "sum by (le, " + POD_LABEL + ") (increase(%s[" + QueryTemplate.WINDOW + "]))";
    private static final String SAMPLE_AGGREGATION = "%s";

    public MetricQueries {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /** The query roles a metric of this kind needs. */
    static List<String> roles(MetricKind kind) {
        return ROLES.get(kind);
    }

    /** The query of {@code role} for the side selected by {@code side}. */
    String render(String role, LabelMatchers side, Duration window, Duration step) {
        String aggregation = switch (role) {
            case GOOD, TOTAL -> COUNT_AGGREGATION;
            case BUCKETS -> BUCKET_AGGREGATION;
            default -> SAMPLE_AGGREGATION;
        };
        return templates.get(role).render(side, window, step, aggregation);
    }
}
