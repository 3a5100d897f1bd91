package io.voyager.gateway.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL text handling for the live check: metric names an expression reads, and its bool form. */
final class Promql {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "atan2");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSETS = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern NUMBERS = Pattern.compile("(?<![\\w:])\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\w:])");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Pattern SAMPLE_LINE = Pattern.compile("^([A-Za-z_:][A-Za-z0-9_:]*)[{\\s]", Pattern.MULTILINE);
    private static final Pattern COMPARISON = Pattern.compile("==|!=|>=|<=|>|<");
    private static final Pattern BOOL_NEXT = Pattern.compile("\\s*bool\\b");

    private Promql() {}

    /** Metric and recording-rule names: what is left once strings, matchers, ranges, clauses, numbers and calls are gone. */
    static Set<String> metricNames(String expr) {
        String bare = expr;
        for (Pattern noise : new Pattern[] {STRINGS, MATCHERS, RANGES, GROUPING, OFFSETS, NUMBERS}) {
            bare = noise.matcher(bare).replaceAll(" ");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Names of the samples in a Prometheus text exposition. */
    static Set<String> exposedNames(String scrape) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = SAMPLE_LINE.matcher(scrape);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The expression with every comparison turned into its {@code bool} form, so a threshold that
     * healthy traffic does not cross still returns its inputs (as 0) instead of nothing. Comparisons
     * inside label matchers and strings are left alone.
     */
    static String withBoolComparisons(String expr) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < expr.length()) {
                    out.append(expr.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            }
            Matcher op = COMPARISON.matcher(expr).region(i, expr.length());
            if (braces == 0 && op.lookingAt()) {
                out.append(op.group());
                i = op.end() - 1;
                if (!BOOL_NEXT.matcher(expr).region(op.end(), expr.length()).lookingAt()) {
                    out.append(" bool");
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
