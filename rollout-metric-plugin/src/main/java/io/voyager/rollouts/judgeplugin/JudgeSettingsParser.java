package io.voyager.rollouts.judgeplugin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voyager.rollouts.judge.config.JudgeConfig;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.Thresholds;
import io.voyager.rollouts.judge.stats.SpendingFunction;
import io.voyager.rollouts.prometheus.LabelMatchers;
import io.voyager.rollouts.prometheus.PrometheusSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the plugin config of an AnalysisTemplate metric into {@link JudgeSettings}, or into the list of
 * everything wrong with it ("field: reason"). Reads a JSON tree field by field: no reflective binding, so
 * it works the same in a native image and every error can name its field.
 */
public final class JudgeSettingsParser {
    static final String WINDOW_SINCE_START = "sinceAnalysisStart";
    private static final Set<String> FIELDS = Set.of(
            "prometheus",
            "canary",
            "baseline",
            "window",
            "minWindow",
            "step",
            "deadline",
            "podWarmUp",
            "slice",
            "alpha",
            "plannedLooks",
            "spending",
            "thresholds",
            "groupWeights",
            "metrics");
    private static final Set<String> PROMETHEUS_FIELDS = Set.of("address", "timeout", "headers", "bearerTokenFile");
    private static final String SELECTOR_HINT = "label matchers like rollouts_pod_template_hash=\"7d9c8f\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either settings or the reasons there are none. */
    public record Result(JudgeSettings settings, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }

        public String errorMessage() {
            return "invalid config: " + String.join("; ", errors);
        }

        static Result failed(List<String> errors) {
            return new Result(null, List.copyOf(errors));
        }
    }

    private JudgeSettingsParser() {}

    public static Result parseJson(String json) {
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + " column "
                            + e.getLocation().getColumnNr();
            return Result.failed(List.of("config: not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        return parse(root);
    }

    public static Result parse(JsonNode root) {
        ConfigReader reader = new ConfigReader();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return Result.failed(List.of("config: empty, set at least prometheus.address, canary and baseline"));
        }
        if (!root.isObject()) {
            return Result.failed(List.of("config: must be an object"));
        }
        reader.rejectUnknown(root, "", FIELDS);
        PrometheusSettings prometheus = prometheus(root, reader);
        LabelMatchers canary = selector(root, "canary", reader);
        LabelMatchers baseline = selector(root, "baseline", reader);
        Duration minWindow = orElse(reader.duration(root, "minWindow", ""), Window.DEFAULT_MINIMUM);
        Window window = window(root, reader, minWindow);
        Duration step = orElse(reader.duration(root, "step", ""), JudgeSettings.DEFAULT_STEP);
        Duration deadline = orElse(reader.duration(root, "deadline", ""), JudgeSettings.DEFAULT_DEADLINE);
        Duration podWarmUp = offOrAtMost(root, reader, "podWarmUp", PodWarmUp.MAX);
        Duration slice = offOrAtMost(root, reader, "slice", MAX_SLICE);
        Double alpha = reader.number(root, "alpha", "");
        Long plannedLooks = reader.integer(root, "plannedLooks", "");
        SpendingFunction spending =
                reader.choice(root, "spending", "", SpendingFunction.values(), "pocock, obrien-fleming");
        Thresholds thresholds = thresholds(root, reader);
        Map<String, Double> groupWeights = groupWeights(root, reader);
        Map<String, MetricQueries> queries = new LinkedHashMap<>();
        List<MetricConfig> metrics = metrics(root, reader, queries);
        if (!reader.errors().isEmpty()) {
            return Result.failed(reader.errors());
        }
        JudgeConfig judge = new JudgeConfig(
                orElse(alpha, JudgeConfig.DEFAULT_ALPHA),
                plannedLooks == null
                        ? JudgeConfig.DEFAULT_PLANNED_LOOKS
                        : (int) Math.min(Integer.MAX_VALUE, plannedLooks),
                orElse(spending, JudgeConfig.DEFAULT_SPENDING),
                thresholds,
                metrics,
                groupWeights,
                JudgeConfig.DEFAULT_BOOTSTRAP_RESAMPLES,
                JudgeConfig.DEFAULT_BOOTSTRAP_SEED);
        List<String> problems = new ArrayList<>(judge.validate());
        if (plannedLooks != null && plannedLooks < 1) {
            problems.removeIf(p -> p.startsWith("plannedLooks:"));
            problems.add("plannedLooks: must be 1.." + JudgeConfig.MAX_PLANNED_LOOKS + ", got " + plannedLooks);
        }
        if (!problems.isEmpty()) {
            return Result.failed(problems);
        }
        return new Result(
                new JudgeSettings(
                        prometheus,
                        canary,
                        baseline,
                        window,
                        step,
                        judge,
                        queries,
                        deadline,
                        podWarmUp,
                        slice,
                        plannedLooks != null),
                List.of());
    }

    /** Longer slices than this would leave too few of them in a rollout's window to be worth comparing. */
    static final Duration MAX_SLICE = Duration.ofMinutes(10);

    /** A duration that "0s" turns off (the default), at most {@code max}. */
    private static Duration offOrAtMost(JsonNode root, ConfigReader reader, String field, Duration max) {
        JsonNode node = root.get(field);
        if (node != null && node.isTextual() && node.asText().strip().matches("0+[smh]?")) {
            return Duration.ZERO;
        }
        Duration value = reader.duration(root, field, "");
        if (value != null && value.compareTo(max) > 0) {
            reader.error(field, "at most " + Durations.format(max) + ", got " + Durations.format(value));
            return null;
        }
        return value == null ? Duration.ZERO : value;
    }

    private static PrometheusSettings prometheus(JsonNode root, ConfigReader reader) {
        JsonNode node = reader.object(root, "prometheus", "");
        if (node == null) {
            if (root.get("prometheus") == null) {
                reader.error("prometheus.address", "required, e.g. http://prometheus.monitoring:9090");
            }
            return null;
        }
        reader.rejectUnknown(node, "prometheus", PROMETHEUS_FIELDS);
        URI address = address(
                reader.requiredText(node, "address", "prometheus", "e.g. http://prometheus.monitoring:9090"), reader);
        Duration timeout = orElse(reader.duration(node, "timeout", "prometheus"), PrometheusSettings.DEFAULT_TIMEOUT);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = reader.object(node, "headers", "prometheus");
        if (headerNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                String field = "prometheus.headers." + header.getKey();
                if (!header.getValue().isTextual()) {
                    reader.error(field, "must be a string");
                } else if (!header.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    reader.error(field, "is not a valid HTTP header name");
                } else if (header.getKey().equalsIgnoreCase("authorization")) {
                    reader.error(field, "put the token in a file and set prometheus.bearerTokenFile");
                } else {
                    headers.put(header.getKey(), header.getValue().asText());
                }
            }
        }
        String tokenFile = reader.text(node, "bearerTokenFile", "prometheus");
        return new PrometheusSettings(address, timeout, headers, tokenFile == null ? null : Path.of(tokenFile));
    }

    private static URI address(String text, ConfigReader reader) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                reader.error(
                        "prometheus.address", "must be an http:// or https:// URL with a host, got '" + text + "'");
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                // The address appears in measurement messages; a password in it would be shown to everyone.
                reader.error(
                        "prometheus.address", "must not carry credentials, use prometheus.bearerTokenFile or headers");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            reader.error("prometheus.address", "not a URL: " + e.getMessage());
            return null;
        }
    }

    /** {@code canary: {selector: '...'}}, or the selector string itself. */
    private static LabelMatchers selector(JsonNode root, String field, ConfigReader reader) {
        JsonNode node = root.get(field);
        JsonNode holder = root;
        String holderPath = "";
        String key = field;
        if (node != null && node.isObject()) {
            reader.rejectUnknown(node, field, Set.of("selector"));
            holder = node;
            holderPath = field;
            key = "selector";
        }
        String text = reader.requiredText(holder, key, holderPath, SELECTOR_HINT);
        if (text == null) {
            return null;
        }
        try {
            return LabelMatchers.parse(text);
        } catch (IllegalArgumentException e) {
            reader.error(ConfigReader.path(holderPath, key), e.getMessage());
            return null;
        }
    }

    /**
     * {@code window: {sinceAnalysisStart: true}} or {@code window: {lookback: 5m}}, or the string
     * {@code sinceAnalysisStart} or a duration; absent means since the analysis started.
     */
    private static Window window(JsonNode root, ConfigReader reader, Duration minWindow) {
        JsonNode node = root.get("window");
        if (node != null && node.isObject()) {
            reader.rejectUnknown(node, "window", Set.of("lookback", WINDOW_SINCE_START));
            Duration lookback = reader.duration(node, "lookback", "window");
            Boolean since = reader.bool(node, WINDOW_SINCE_START, "window");
            if ((lookback != null) == Boolean.TRUE.equals(since)) {
                reader.error("window", "set either lookback or " + WINDOW_SINCE_START + ": true");
                return null;
            }
            return lookback != null ? new Window.Lookback(lookback) : new Window.SinceAnalysisStart(minWindow);
        }
        String text = reader.text(root, "window", "");
        if (text == null || text.strip().equals(WINDOW_SINCE_START)) {
            return new Window.SinceAnalysisStart(minWindow);
        }
        try {
            return new Window.Lookback(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            reader.error("window", "must be " + WINDOW_SINCE_START + " or a duration like 5m, got '" + text + "'");
            return null;
        }
    }

    private static Thresholds thresholds(JsonNode root, ConfigReader reader) {
        JsonNode node = reader.object(root, "thresholds", "");
        if (node == null) {
            return Thresholds.DEFAULT;
        }
        reader.rejectUnknown(node, "thresholds", Set.of("pass", "marginal"));
        return new Thresholds(
                orElse(reader.number(node, "pass", "thresholds"), Thresholds.DEFAULT.pass()),
                orElse(reader.number(node, "marginal", "thresholds"), Thresholds.DEFAULT.marginal()));
    }

    private static Map<String, Double> groupWeights(JsonNode root, ConfigReader reader) {
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode node = reader.object(root, "groupWeights", "");
        if (node != null) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String group = names.next();
                Double weight = reader.number(node, group, "groupWeights");
                if (weight != null) {
                    weights.put(group, weight);
                }
            }
        }
        return weights;
    }

    private static List<MetricConfig> metrics(JsonNode root, ConfigReader reader, Map<String, MetricQueries> queries) {
        List<MetricConfig> metrics = new ArrayList<>();
        JsonNode node = root.get("metrics");
        if (node == null || node.isNull()) {
            for (MetricConfig metric : GatewayMetrics.defaults()) {
                metrics.add(metric);
                queries.put(metric.name(), MetricSettingsParser.builtIn(metric).queries());
            }
            return metrics;
        }
        if (!node.isArray() || node.isEmpty()) {
            reader.error(
                    "metrics",
                    "must be a non-empty list (leave it out to judge the gateway's success rate and latency)");
            return metrics;
        }
        MetricSettingsParser parser = new MetricSettingsParser(reader);
        for (int i = 0; i < node.size(); i++) {
            MetricSettingsParser.Parsed parsed = parser.parse(node.get(i), "metrics[" + i + "]");
            if (parsed != null) {
                metrics.add(parsed.config());
                queries.put(parsed.config().name(), parsed.queries());
            }
        }
        return metrics;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
