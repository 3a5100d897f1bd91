package io.voyager.rollouts.judgeplugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.voyager.rollouts.judge.config.AllowedEffect;
import io.voyager.rollouts.judge.config.Direction;
import io.voyager.rollouts.judge.config.Guardrail;
import io.voyager.rollouts.judge.config.MetricConfig;
import io.voyager.rollouts.judge.config.MetricKind;
import io.voyager.rollouts.prometheus.QueryTemplate;
import java.util.LinkedHashMap;
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
    private static final Set<String> FIELDS = Set.of(
            "name",
            "kind",
            "direction",
            "allowedEffect",
            "critical",
            "group",
            "weight",
            "guardrail",
            "quantile",
            "minSamples",
            "removeOutliers",
            "maxSpreadRatio",
            "query");

    /** A parsed metric: the judge's config and its PromQL. */
    record Parsed(MetricConfig config, MetricQueries queries) {}

    private final ConfigReader reader;

    MetricSettingsParser(ConfigReader reader) {
        this.reader = reader;
    }

    static Parsed builtIn(MetricConfig metric) {
        Map<String, QueryTemplate> templates = new LinkedHashMap<>();
        GatewayMetrics.queries(metric.name()).forEach((role, text) -> templates.put(role, QueryTemplate.parse(text)));
        return new Parsed(metric, new MetricQueries(metric.name(), metric.kind(), templates));
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
        MetricConfig base = GatewayMetrics.named(name, kind);
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
        Map<String, String> query = query(node, path, effectiveKind, base);
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
                orElse(reader.number(node, "maxSpreadRatio", path), start.maxSpreadRatio()));
        if (reader.errors().size() > errorsBefore) {
            return null;
        }
        Map<String, QueryTemplate> templates = new LinkedHashMap<>();
        for (String role : MetricQueries.roles(effectiveKind)) {
            try {
                templates.put(role, QueryTemplate.parse(query.get(role)));
            } catch (IllegalArgumentException e) {
                reader.error(path + ".query." + role, e.getMessage());
            }
        }
        return reader.errors().size() > errorsBefore
                ? null
                : new Parsed(metric, new MetricQueries(name, effectiveKind, templates));
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

    /** The PromQL text of each role; a built-in metric's own for the roles the entry leaves out. */
    private Map<String, String> query(JsonNode node, String path, MetricKind kind, MetricConfig base) {
        String field = ConfigReader.path(path, "query");
        JsonNode query = reader.object(node, "query", path);
        Map<String, String> builtIn = base != null ? GatewayMetrics.queries(base.name()) : Map.of();
        if (query == null) {
            if (base == null && node.get("query") == null && kind != null) {
                reader.error(field, "required, set " + String.join(" and ", MetricQueries.roles(kind)));
            }
            return builtIn;
        }
        if (kind == null) {
            return Map.of();
        }
        reader.rejectUnknown(query, field, Set.copyOf(MetricQueries.roles(kind)));
        Map<String, String> roles = new LinkedHashMap<>();
        for (String role : MetricQueries.roles(kind)) {
            String text = reader.text(query, role, field);
            if (text == null && base != null && base.kind() == kind) {
                text = builtIn.get(role);
            }
            if (text == null) {
                reader.error(
                        field + "." + role, "required for kind " + kind.name().toLowerCase(Locale.ROOT));
            }
            roles.put(role, text);
        }
        return roles;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
