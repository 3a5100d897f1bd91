package io.voyager.rollouts.prometheus;

import java.util.ArrayList;
import java.util.List;

/**
 * PromQL label matchers such as {@code rollouts_pod_template_hash="7d9c8f", namespace=~"pay.*"}, checked
 * by a small parser so that a typo in a selector is a config error naming the field, not a query error
 * at run time. Braces around the list are optional.
 */
public record LabelMatchers(List<String> matchers) {
    public LabelMatchers {
        matchers = List.copyOf(matchers);
    }

    /** @throws IllegalArgumentException with the reason and the offending position */
    public static LabelMatchers parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("must be label matchers like name=\"value\"");
        }
        String body = text.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        LabelMatchers parsed = parseList(body);
        if (parsed.matchers.isEmpty()) {
            throw new IllegalArgumentException("must name at least one label matcher like name=\"value\"");
        }
        return parsed;
    }

    /** The matchers between braces, possibly none: {@code a="b", c!~"d"}. */
    static LabelMatchers parseList(String body) {
        List<String> matchers = new ArrayList<>();
        int i = skipSpaces(body, 0);
        while (i < body.length()) {
            int nameStart = i;
            while (i < body.length() && isNameChar(body.charAt(i), i == nameStart)) {
                i++;
            }
            if (i == nameStart) {
                throw new IllegalArgumentException(
                        "expected a label name at position " + (i + 1) + " of '" + body + "'");
            }
            String name = body.substring(nameStart, i);
            i = skipSpaces(body, i);
            String op = operator(body, i);
            i = skipSpaces(body, i + op.length());
            int valueEnd = endOfString(body, i);
            matchers.add(name + op + body.substring(i, valueEnd));
            i = skipSpaces(body, valueEnd);
            if (i < body.length()) {
                if (body.charAt(i) != ',') {
                    throw new IllegalArgumentException("expected ',' at position " + (i + 1) + " of '" + body + "'");
                }
                i = skipSpaces(body, i + 1);
            }
        }
        return new LabelMatchers(matchers);
    }

    /** The matchers joined for use inside braces. */
    public String render() {
        return String.join(",", matchers);
    }

    private static String operator(String s, int i) {
        for (String op : new String[] {"=~", "!~", "!=", "="}) {
            if (s.startsWith(op, i)) {
                return op;
            }
        }
        throw new IllegalArgumentException("expected one of = != =~ !~ at position " + (i + 1) + " of '" + s + "'");
    }

    private static int endOfString(String s, int start) {
        if (start >= s.length() || "\"'`".indexOf(s.charAt(start)) < 0) {
            throw new IllegalArgumentException(
                    "expected a quoted value at position " + (start + 1) + " of '" + s + "'");
        }
        char quote = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(
                "unterminated quoted value starting at position " + (start + 1) + " of '" + s + "'");
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
