package io.voyager.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a scenario ended as it must, from the controller's result JSON:
 * {@code ScenarioCheck SCENARIO result.json}. Prints one line per expectation and exits 1 if any fails.
 */
public final class ScenarioCheck {

    static final double DETECTION_GOAL_SECONDS = 30;
    static final String JUDGE = "background/canary-vs-stable";
    static final String SUCCESS_GUARDRAIL = "background/success-rate";
    static final double STABLE_HEALTHY = 98.0;
    private static final Pattern STABLE_RATE = Pattern.compile("vs stable ([0-9]+(?:\\.[0-9]+)?)%");

    private ScenarioCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScenarioCheck SCENARIO RESULT.json");
            System.exit(2);
        }
        List<Expectation> results =
                check(args[0], new ObjectMapper().readTree(Path.of(args[1]).toFile()));
        boolean ok = true;
        for (Expectation e : results) {
            System.out.println((e.met() ? "  ok    " : "  FAIL  ") + e.text());
            ok &= e.met();
        }
        System.out.println("HEADLINE "
                + headline(new ObjectMapper().readTree(Path.of(args[1]).toFile())));
        System.exit(ok ? 0 : 1);
    }

    /** One line: how the rollout ended, where, on what, and when after the canary started. */
    static String headline(JsonNode result) {
        String outcome = result.path("outcome").asText();
        if (outcome.equals("Healthy")) {
            return String.format(
                    Locale.ROOT,
                    "promoted to %d%% after %.0f s (%s)",
                    result.path("maxWeight").asInt(),
                    result.path("decisionSeconds").asDouble(),
                    counts(result));
        }
        return String.format(
                Locale.ROOT,
                "%s at %d%%, %.1f s after canary start, on %s %s",
                outcome,
                result.path("weightAtDecision").asInt(),
                result.path("decisionSeconds").asDouble(),
                result.path("decisiveMetric").asText("?"),
                result.path("decisiveMeasurement").path("phase").asText("?"));
    }

    record Expectation(boolean met, String text) {}

    static List<Expectation> check(String scenario, JsonNode result) {
        List<Expectation> out = new ArrayList<>();
        String outcome = result.path("outcome").asText();
        int weight = result.path("weightAtDecision").asInt();
        JsonNode decisive = result.path("decisiveMeasurement");
        String decisivePhase = decisive.path("phase").asText("");
        double seconds = result.path("decisionSeconds").asDouble();
        switch (scenario) {
            case "good" -> {
                out.add(new Expectation(
                        outcome.equals("Healthy") && result.path("maxWeight").asInt() == 100,
                        "promoted to 100%: outcome " + outcome + ", max weight "
                                + result.path("maxWeight").asInt()));
                out.add(new Expectation(
                        total(result, "failed") == 0 && total(result, "error") == 0,
                        "no Failed and no Error measurement (" + counts(result) + ")"));
                long inconclusive = total(result, "inconclusive");
                out.add(new Expectation(
                        true,
                        inconclusive == 0
                                ? "every measurement Successful"
                                : inconclusive
                                        + " Inconclusive look(s) within inconclusiveLimit (the judge's look before the"
                                        + " canary had data)"));
            }
            case "config-error" -> {
                out.add(aborted(outcome, decisivePhase, "Failed"));
                out.add(new Expectation(weight == 5, "aborted at the 5% step (weight at decision " + weight + "%)"));
                out.add(new Expectation(
                        true,
                        String.format(
                                Locale.ROOT,
                                "canary start -> Failed measurement: %.1f s (goal < %.0f s: %s)",
                                seconds,
                                DETECTION_GOAL_SECONDS,
                                seconds < DETECTION_GOAL_SECONDS ? "met" : "missed")));
            }
            case "subtle-errors" -> {
                out.add(aborted(outcome, decisivePhase, "Failed"));
                out.add(new Expectation(
                        decisive.path("metadata")
                                .path("success-rate.label")
                                .asText()
                                .equals("Low"),
                        "caught on the success rate (success-rate.label "
                                + decisive.path("metadata")
                                        .path("success-rate.label")
                                        .asText("absent") + ")"));
                out.add(new Expectation(
                        weight == 5 || weight == 10,
                        "failed within the first two steps (5% and 10%); weight at decision " + weight + "%"));
                out.add(new Expectation(
                        metric(result, SUCCESS_GUARDRAIL, "failed") == 0,
                        "the absolute 98% success-rate guardrail did not fail on its own ("
                                + metric(result, SUCCESS_GUARDRAIL, "successful") + " Successful checks)"));
            }
            case "slow" -> {
                out.add(aborted(outcome, decisivePhase, "Failed"));
                out.add(new Expectation(
                        failedOnLatency(result),
                        "the failing evidence is latency: "
                                + result.path("decisiveMetric").asText() + " " + latencyLabels(decisive)));
            }
            case "prometheus-down" -> {
                out.add(new Expectation(
                        outcome.equals("Aborted") && decisivePhase.equals("Error"),
                        "stopped on Error measurements: outcome " + outcome + ", decisive " + decisivePhase + " ("
                                + result.path("reason").asText() + ")"));
                out.add(new Expectation(
                        total(result, "failed") == 0, "no false Failed verdict (" + counts(result) + ")"));
                out.add(new Expectation(
                        result.path("maxWeight").asInt() < 100 && !outcome.equals("Healthy"),
                        "no promotion: max weight " + result.path("maxWeight").asInt() + "%"));
            }
            default -> out.add(new Expectation(false, "unknown scenario " + scenario));
        }
        stableSuccess(decisive)
                .ifPresent(rate -> out.add(new Expectation(
                        rate >= STABLE_HEALTHY,
                        String.format(
                                Locale.ROOT,
                                "stable stayed healthy in the judged window: %.2f%% success (below %.0f%% the"
                                        + " machine is too busy for the comparison to mean anything)",
                                rate,
                                STABLE_HEALTHY))));
        return out;
    }

    private static Expectation aborted(String outcome, String decisivePhase, String phase) {
        return new Expectation(
                outcome.equals("Aborted") && decisivePhase.equals(phase),
                "aborted on a " + phase + " measurement: outcome " + outcome + ", decisive " + decisivePhase);
    }

    static boolean failedOnLatency(JsonNode result) {
        String metric = result.path("decisiveMetric").asText();
        if (metric.equals("p99-latency")) {
            return true;
        }
        return !latencyLabels(result.path("decisiveMeasurement")).isEmpty()
                && latencyLabels(result.path("decisiveMeasurement")).stream().anyMatch(l -> l.endsWith("=High"));
    }

    /** The judge's per-metric labels for latency metrics, e.g. {@code latency.label=High}. */
    static List<String> latencyLabels(JsonNode measurement) {
        List<String> labels = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = measurement.path("metadata").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().contains("latency") && e.getKey().endsWith(".label")) {
                labels.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        return labels;
    }

    /** Stable's success rate from the judge's summary of the deciding look, e.g. "canary 76.31% vs stable 99.75%". */
    static Optional<Double> stableSuccess(JsonNode measurement) {
        Matcher m = STABLE_RATE.matcher(
                measurement.path("metadata").path("success-rate.summary").asText(""));
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    static long total(JsonNode result, String field) {
        long sum = 0;
        for (JsonNode m : result.path("metrics")) {
            sum += m.path(field).asLong();
        }
        return sum;
    }

    static long metric(JsonNode result, String name, String field) {
        return result.path("metrics").path(name).path(field).asLong();
    }

    private static String counts(JsonNode result) {
        return String.format(
                Locale.ROOT,
                "%d Successful, %d Inconclusive, %d Failed, %d Error",
                total(result, "successful"),
                total(result, "inconclusive"),
                total(result, "failed"),
                total(result, "error"));
    }
}
