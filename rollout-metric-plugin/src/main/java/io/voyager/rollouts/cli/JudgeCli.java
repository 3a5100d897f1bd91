package io.voyager.rollouts.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judgeplugin.CanaryLook;
import io.voyager.rollouts.judgeplugin.JudgeSettings;
import io.voyager.rollouts.judgeplugin.JudgeSettingsParser;
import io.voyager.rollouts.judgeplugin.Window;
import io.voyager.rollouts.prometheus.PrometheusClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code voyager-canary-judge judge ...}: one look judged from a terminal, for dry runs before a rollout
 * and post-mortems after one ({@code --at}). Exit status 0 pass, 1 fail, 2 inconclusive, 3 error.
 */
public final class JudgeCli {
    public static final String COMMAND = "judge";
    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int INCONCLUSIVE = 2;
    public static final int ERROR = 3;
    private static final Set<String> VALUE_FLAGS =
            Set.of("prometheus", "canary", "baseline", "window", "config", "at", "look");

    static final String USAGE = """
            usage: voyager-canary-judge judge --prometheus URL --canary SELECTOR --baseline SELECTOR --window DURATION
                                              [--config FILE.yaml|json] [--at RFC3339-TIME] [--look N]
              --prometheus  Prometheus base URL, e.g. http://localhost:9090 (overrides prometheus.address)
              --canary      label matchers of the canary, e.g. 'rollouts_pod_template_hash="7d9c8f"'
              --baseline    label matchers of the stable pods
              --window      the range judged, ending at --at, e.g. 5m or 1h30m
              --config      the plugin config of an AnalysisTemplate metric (YAML or JSON); flags override it
              --at          evaluate at this instant instead of now, e.g. 2024-05-06T07:10:00Z
              --look        which look of the analysis this is, for the alpha spent (default 1)
            exit status: 0 pass, 1 fail, 2 inconclusive, 3 error
            """;

    private JudgeCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                out.print(USAGE);
                return PASS;
            }
            if (!flag.startsWith("--") || i + 1 >= args.length || !VALUE_FLAGS.contains(flag.substring(2))) {
                err.println("judge: unknown flag or missing value: " + flag);
                err.print(USAGE);
                return ERROR;
            }
            flags.put(flag.substring(2), args[++i]);
        }
        try {
            return judge(flags, out, err);
        } catch (UsageException e) {
            err.println("judge: " + e.getMessage());
            return ERROR;
        }
    }

    private static int judge(Map<String, String> flags, PrintStream out, PrintStream err) throws UsageException {
        ObjectNode config = config(flags.get("config"));
        if (flags.containsKey("prometheus")) {
            JsonNode prometheus = config.get("prometheus");
            ObjectNode node = prometheus instanceof ObjectNode o ? o : config.putObject("prometheus");
            node.put("address", flags.get("prometheus"));
        }
        for (String field : new String[] {"canary", "baseline", "window"}) {
            if (flags.containsKey(field)) {
                config.put(field, flags.get(field));
            }
        }
        JudgeSettingsParser.Result parsed = JudgeSettingsParser.parse(config);
        if (!parsed.ok()) {
            err.println("judge: " + parsed.errorMessage());
            return ERROR;
        }
        JudgeSettings settings = parsed.settings();
        if (!(settings.window() instanceof Window.Lookback lookback)) {
            throw new UsageException("--window: required, e.g. 5m (there is no AnalysisRun to start from)");
        }
        Instant at = at(flags.get("at"));
        int look = look(flags.get("look"));
        Duration window = lookback.length();
        Verdict verdict = CanaryLook.judge(PrometheusClient.newHttpClient(), settings, look, window, at);
        out.print(VerdictTable.render(verdict, settings, look, window, at));
        out.flush();
        return switch (verdict.phase()) {
            case SUCCESSFUL -> PASS;
            case FAILED -> FAIL;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case ERROR -> ERROR;
        };
    }

    private static ObjectNode config(String file) throws UsageException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (file == null) {
            return yaml.createObjectNode();
        }
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--config: cannot read " + file + ": " + e.getMessage());
        }
        try {
            JsonNode node = yaml.readTree(text);
            if (!(node instanceof ObjectNode object)) {
                throw new UsageException("--config " + file + ": must hold an object of plugin settings");
            }
            return object;
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new UsageException(
                    "--config " + file + ": not valid YAML or JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static Instant at(String text) throws UsageException {
        if (text == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "--at: must be an RFC 3339 UTC time like 2024-05-06T07:10:00Z, got '" + text + "'");
        }
    }

    private static int look(String text) throws UsageException {
        if (text == null) {
            return 1;
        }
        try {
            int look = Integer.parseInt(text);
            if (look >= 1) {
                return look;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--look: must be a whole number >= 1, got '" + text + "'");
    }

    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
