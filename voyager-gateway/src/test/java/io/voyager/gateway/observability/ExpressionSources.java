package io.voyager.gateway.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Collects the PromQL the project ships outside the rule files (those Prometheus loads itself):
 * Grafana dashboard targets and the {@code query:} of every Argo Rollouts AnalysisTemplate.
 */
final class ExpressionSources {

    /** One expression to check; {@code text} is as written in its file, {@code query} what is sent to Prometheus. */
    record Expression(String source, String text, String query) {}

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*AnalysisTemplate\\s*$");
    private static final Pattern QUERY_KEY = Pattern.compile("^(\\s*)(?:-\\s+)?query:\\s*(.*)$");
    private static final Pattern ARG = Pattern.compile("\\{\\{\\s*args\\.([\\w-]+)\\s*}}");
    private static final Pattern ARG_DEFAULT =
            Pattern.compile("(?m)^\\s*-\\s*name:\\s*([\\w-]+)\\s*\\n\\s+value:\\s*\"?([^\"\\n]*)\"?\\s*$");

    private ExpressionSources() {}

    /** Every target of every panel, rows included, with Grafana's variables as Grafana would fill them. */
    static List<Expression> dashboard(Path json, Map<String, String> variables) {
        List<Expression> found = new ArrayList<>();
        try {
            collectTargets(new ObjectMapper().readTree(json.toFile()).path("panels"), json, variables, found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void collectTargets(
            JsonNode panels, Path json, Map<String, String> variables, List<Expression> found) {
        for (JsonNode panel : panels) {
            collectTargets(panel.path("panels"), json, variables, found);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                String query = expr;
                for (Map.Entry<String, String> v : variables.entrySet()) {
                    query = query.replace(v.getKey(), v.getValue());
                }
                found.add(new Expression(
                        json.getFileName() + " panel \"" + panel.path("title").asText() + "\"", expr, query));
            }
        }
    }

    /**
     * The queries of every AnalysisTemplate under {@code root}, with {@code {{args.x}}} replaced by
     * {@code args} or else the template's own default; an argument with neither stays unreplaced and
     * therefore fails to parse, naming itself.
     */
    static List<Expression> analysisTemplates(Path root, Map<String, String> args) {
        List<Expression> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$"))
                    .sorted()
                    .toList()) {
                for (String document : DOCUMENT_SEPARATOR.split(Files.readString(file))) {
                    if (KIND.matcher(document).find()) {
                        for (String query : queries(document)) {
                            found.add(new Expression(
                                    root.relativize(file).toString(), query, substitute(query, document, args)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String substitute(String query, String document, Map<String, String> args) {
        Map<String, String> defaults = new java.util.HashMap<>();
        Matcher d = ARG_DEFAULT.matcher(document);
        while (d.find()) {
            defaults.put(d.group(1), d.group(2));
        }
        return ARG.matcher(query)
                .replaceAll(m -> Matcher.quoteReplacement(
                        args.getOrDefault(m.group(1), defaults.getOrDefault(m.group(1), m.group()))));
    }

    /** Values of {@code query:} keys: block scalars (| or >), quoted and plain scalars. */
    static List<String> queries(String yaml) {
        List<String> queries = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher key = QUERY_KEY.matcher(lines[i]);
            if (!key.matches()) {
                continue;
            }
            int indent = key.group(1).length();
            String value = key.group(2).strip();
            List<String> continuation = new ArrayList<>();
            while (i + 1 < lines.length && (lines[i + 1].isBlank() || indentOf(lines[i + 1]) > indent)) {
                continuation.add(lines[++i]);
            }
            queries.add(scalar(value, continuation));
        }
        return queries;
    }

    private static String scalar(String value, List<String> continuation) {
        if (value.startsWith("|") || value.startsWith(">")) {
            int blockIndent = continuation.stream()
                    .filter(l -> !l.isBlank())
                    .mapToInt(ExpressionSources::indentOf)
                    .min()
                    .orElse(0);
            String joiner = value.startsWith("|") ? "\n" : " ";
            return String.join(
                            joiner,
                            continuation.stream()
                                    .map(l -> l.length() >= blockIndent ? l.substring(blockIndent) : "")
                                    .toList())
                    .strip();
        }
        String text = (value + " "
                        + String.join(
                                " ", continuation.stream().map(String::strip).toList()))
                .strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return text;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
