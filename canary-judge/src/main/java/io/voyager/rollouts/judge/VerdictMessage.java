package io.voyager.rollouts.judge;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one sentence a person reads in {@code kubectl argo rollouts get rollout}. */
final class VerdictMessage {
    private VerdictMessage() {}

    static String of(Phase phase, double score, List<MetricResult> results, AlphaSpent alpha) {
        String scoreText = String.format(Locale.ROOT, "score %.0f", score) + "; " + alpha.describe();
        return switch (phase) {
            case FAILED -> failed(results, scoreText);
            case ERROR ->
                results.stream()
                                .filter(r -> r.label() == Label.ERROR)
                                .map(r -> r.name() + ": " + r.summary())
                                .collect(Collectors.joining("; "))
                        + " ERROR";
            case INCONCLUSIVE -> inconclusive(results, scoreText);
            case SUCCESSFUL ->
                results.stream().map(VerdictMessage::line).collect(Collectors.joining("; ")) + " PASSED (" + scoreText
                        + ")";
        };
    }

    private static String failed(List<MetricResult> results, String scoreText) {
        List<MetricResult> culprits =
                results.stream().filter(MetricResult::failsAtOnce).collect(Collectors.toList());
        if (culprits.isEmpty()) {
            culprits = results.stream().filter(r -> r.label().isRegression()).collect(Collectors.toList());
        }
        return culprits.stream().map(VerdictMessage::line).collect(Collectors.joining("; ")) + " FAILED (" + scoreText
                + ")";
    }

    private static String inconclusive(List<MetricResult> results, String scoreText) {
        long noData = results.stream().filter(r -> r.label() == Label.NO_DATA).count();
        String detail = results.stream()
                .filter(r -> r.label() != Label.PASS)
                .map(VerdictMessage::line)
                .collect(Collectors.joining("; "));
        String head = noData > 0 ? noData + " of " + results.size() + " metrics without enough data: " : "";
        return head + detail + " INCONCLUSIVE (" + scoreText + ")";
    }

    private static String line(MetricResult r) {
        String label = r.label() == Label.PASS || r.label().isRegression()
                ? ""
                : " [" + r.label().display() + "]";
        return r.name() + ": " + r.summary() + label;
    }
}
