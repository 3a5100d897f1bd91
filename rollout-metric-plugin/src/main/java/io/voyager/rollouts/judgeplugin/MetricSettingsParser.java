package io.voyager.rollouts.judgeplugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.GatewayMetrics;
import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.judge.config.MetricQuery;
import io.voyager.rollouts.prometheus.QueryTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code metrics}. An entry named like a built-in gateway metric ({@code success-rate},
 * {@code latency}) starts from that metric and overrides only what it sets; any other entry must say
 * its kind, direction, allowed effect and query.
 */
final class MetricSettingsParser {
    static final String KINDS = "ratio, histogram, series";
    static final String DIRECTIONS = "increase-is-bad, decrease-is-bad, either";
    private static final Set<String> FIELDS = Set.of("name", "kind", "direction", "allowedEffect", "critical", "group",
            "weight", "guardrail", "quantile", "minSamples", "removeOutliers", "maxSpreadRatio", "query");
    private static final Map<MetricKind, List<String>> ROLES = Map.of(
            MetricKind.RATIO, List.of("good", "total"),
            MetricKind.HISTOGRAM, List.of("buckets"),
            MetricKind.SERIES, List.of("samples"));

    /** A parsed metric: the judge's config and the PromQL for each query role. */
    record Parsed(MetricConfig config, Map<String, QueryTemplate> queries) {
    }

    private final ConfigReader reader;

    MetricSettingsParser(ConfigReader reader) {
        this.reader = reader;
    }

    static Parsed builtIn(MetricConfig metric) {
        return new Parsed(metric, templates(metric.kind(), metric.query()));
    }

    /** Null when the entry has errors (all reported to the reader). */
    Parsed parse(JsonNode node, String path) {
        if (!node.isObject()) {
            reader.error(path, "must be an object with at least a name");
            return null;
        }
        int errorsBefore = reader.errors().size();
        reader.rejectUnknown(node, path, FIELDS);
        String name = reader.requiredText(node, "name", path, "e.g. success-rate");
        MetricKind kind = reader.choice(node, "kind", path, MetricKind.values(), KINDS);
        MetricConfig base = builtInNamed(name, kind);
        if (base == null && kind == null && node.get("kind") == null) {
            reader.error(ConfigReader.path(path, "kind"), "required, must be one of " + KINDS);
        }
        Direction direction = reader.choice(node, "direction", path, Direction.values(), DIRECTIONS);
        AllowedEffect effect = allowedEffect(node, path);
        if (base == null) {
            if (direction == null && node.get("direction") == null) {
                reader.error(ConfigReader.path(path, "direction"), "required, must be one of " + DIRECTIONS);
            }
            if (effect == null && node.get("allowedEffect") == null) {
                reader.error(ConfigReader.path(path, "allowedEffect"), "required, set absolute or relative");
            }
        }
        MetricKind effectiveKind = kind != null ? kind : base != null ? base.kind() : null;
        MetricQuery query = query(node, path, effectiveKind, base);
        if (reader.errors().size() > errorsBefore || effectiveKind == null) {
            return null;
        }
        MetricConfig start = base != null ? base : MetricConfig.of(name, effectiveKind, direction, effect);
        MetricConfig metric = new MetricConfig(
                name,
                effectiveKind,
                direction != null ? direction : start.direction(),
                effect != null ? effect : start.allowedEffect(),
                orElse(reader.bool(node, "critical", path), start.critical()),
                orElse(reader.text(node, "group", path), start.group()),
                orElse(reader.number(node, "weight", path), start.weight()),
                node.has("guardrail") ? guardrail(node, path) : start.guardrail(),
                orElse(reader.number(node, "quantile", path), start.quantile()),
                orElse(reader.integer(node, "minSamples", path), start.minSamples()),
                orElse(reader.bool(node, "removeOutliers", path), start.removeOutliers()),
                orElse(reader.number(node, "maxSpreadRatio", path), start.maxSpreadRatio()),
                query);
        if (reader.errors().size() > errorsBefore) {
            return null;
        }
        Map<String, QueryTemplate> templates = new LinkedHashMap<>();
        for (String role : ROLES.get(effectiveKind)) {
            try {
                templates.put(role, QueryTemplate.parse(role(query, role)));
            } catch (IllegalArgumentException e) {
                reader.error(path + ".query." + role, e.getMessage());
            }
        }
        return reader.errors().size() > errorsBefore ? null : new Parsed(metric, templates);
    }

    private static MetricConfig builtInNamed(String name, MetricKind kind) {
        for (MetricConfig metric : GatewayMetrics.defaults()) {
            if (metric.name().equals(name) && (kind == null || kind == metric.kind())) {
                return metric;
            }
        }
        return null;
    }

    private AllowedEffect allowedEffect(JsonNode node, String path) {
        String field = ConfigReader.path(path, "allowedEffect");
        JsonNode effect = reader.object(node, "allowedEffect", path);
        if (effect == null) {
            return null;
        }
        reader.rejectUnknown(effect, field, Set.of("absolute", "relative"));
        Double absolute = reader.number(effect, "absolute", field);
        Double relative = reader.number(effect, "relative", field);
        if ((absolute == null) == (relative == null)) {
            reader.error(field, "set exactly one of absolute or relative");
            return null;
        }
        return new AllowedEffect(absolute, relative);
    }

    private Guardrail guardrail(JsonNode node, String path) {
        String field = ConfigReader.path(path, "guardrail");
        JsonNode guardrail = reader.object(node, "guardrail", path);
        if (guardrail == null) {
            return null;
        }
        reader.rejectUnknown(guardrail, field, Set.of("min", "max"));
        return new Guardrail(reader.number(guardrail, "min", field), reader.number(guardrail, "max", field));
    }

    private MetricQuery query(JsonNode node, String path, MetricKind kind, MetricConfig base) {
        String field = ConfigReader.path(path, "query");
        JsonNode query = reader.object(node, "query", path);
        if (query == null) {
            if (base == null && node.get("query") == null && kind != null) {
                reader.error(field, "required, set " + String.join(" and ", ROLES.get(kind)));
            }
            return base != null ? base.query() : null;
        }
        if (kind == null) {
            return null;
        }
        reader.rejectUnknown(query, field, Set.copyOf(ROLES.get(kind)));
        Map<String, String> roles = new LinkedHashMap<>();
        for (String role : ROLES.get(kind)) {
            String text = reader.text(query, role, field);
            if (text == null && base != null && base.kind() == kind) {
                text = role(base.query(), role);
            }
            if (text == null) {
                reader.error(field + "." + role, "required for kind " + kind.name().toLowerCase(Locale.ROOT));
            }
            roles.put(role, text);
        }
        return new MetricQuery(roles.get("good"), roles.get("total"), roles.get("buckets"), roles.get("samples"));
    }

    private static Map<String, QueryTemplate> templates(MetricKind kind, MetricQuery query) {
        Map<String, QueryTemplate> templates = new LinkedHashMap<>();
        for (String role : ROLES.get(kind)) {
            templates.put(role, QueryTemplate.parse(role(query, role)));
        }
        return templates;
    }

    private static String role(MetricQuery query, String role) {
        return switch (role) {
            case "good" -> query.good();
            case "total" -> query.total();
            case "buckets" -> query.buckets();
            default -> query.samples();
        };
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
