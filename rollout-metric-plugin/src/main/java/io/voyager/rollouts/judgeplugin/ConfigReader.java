package io.voyager.rollouts.judgeplugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads typed values out of a JSON tree and collects every problem as "field.path: reason", so one
 * Error measurement lists all that is wrong with a template instead of the first thing only.
 */
final class ConfigReader {
    private final List<String> errors = new ArrayList<>();

    List<String> errors() {
        return errors;
    }

    void error(String path, String reason) {
        errors.add(path + ": " + reason);
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** Reports fields of {@code object} not in {@code known}; typos must not silently fall back to defaults. */
    void rejectUnknown(JsonNode object, String path, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add((path.isEmpty() ? "config" : path) + ": unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    /** The object at {@code field}, or null when absent or not an object (reported). */
    JsonNode object(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error(path(parentPath, field), "must be an object");
            return null;
        }
        return node;
    }

    String text(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            error(path(parentPath, field), "must be a string");
            return null;
        }
        return node.asText();
    }

    String requiredText(JsonNode parent, String field, String parentPath, String hint) {
        String value = text(parent, field, parentPath);
        if (value == null && (parent.get(field) == null || parent.get(field).isNull())) {
            error(path(parentPath, field), "required, " + hint);
        } else if (value != null && value.isBlank()) {
            error(path(parentPath, field), "must not be blank, " + hint);
            return null;
        }
        return value;
    }

    Double number(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            error(path(parentPath, field), "must be a number, got " + node);
            return null;
        }
        return node.asDouble();
    }

    Long integer(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            error(path(parentPath, field), "must be a whole number, got " + node);
            return null;
        }
        return node.asLong();
    }

    Boolean bool(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            error(path(parentPath, field), "must be true or false, got " + node);
            return null;
        }
        return node.asBoolean();
    }

    Duration duration(JsonNode parent, String field, String parentPath) {
        return parsed(parent, field, parentPath, Durations::parse);
    }

    /** A string turned into a value by {@code parse}, whose IllegalArgumentException message is the reason. */
    <T> T parsed(JsonNode parent, String field, String parentPath, Function<String, T> parse) {
        String text = text(parent, field, parentPath);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            error(path(parentPath, field), e.getMessage());
            return null;
        }
    }

    /** A string that must be one of {@code choices} (case-insensitive, '-' and '_' alike). */
    <E extends Enum<E>> E choice(JsonNode parent, String field, String parentPath, E[] values, String choices) {
        String text = text(parent, field, parentPath);
        if (text == null) {
            return null;
        }
        String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : values) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        error(path(parentPath, field), "must be one of " + choices + ", got '" + text + "'");
        return null;
    }
}
