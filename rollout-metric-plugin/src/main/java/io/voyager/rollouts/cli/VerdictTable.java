package io.voyager.rollouts.cli;

import io.voyager.rollouts.argo.AnalysisPhase;
import io.voyager.rollouts.judge.MetricResult;
import io.voyager.rollouts.judge.Verdict;
import io.voyager.rollouts.judgeplugin.Durations;
import io.voyager.rollouts.judgeplugin.JudgeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The CLI's per-metric table, then the verdict in the words Argo would store. */
final class VerdictTable {
    private static final String[] HEADER = {
        "METRIC", "LABEL", "EFFECT", "CI", "P-VALUE", "BOUNDARY", "N CANARY", "N STABLE"
    };

    private VerdictTable() {}

    static String render(Verdict verdict, JudgeSettings settings, int look, Duration window, Instant at) {
        StringBuilder out = new StringBuilder();
        out.append("look ")
                .append(look)
                .append('/')
                .append(settings.judge().plannedLooks())
                .append(", window ")
                .append(Durations.format(window))
                .append(" ending ")
                .append(at)
                .append(", canary {")
                .append(settings.canary().render())
                .append("} vs baseline {")
                .append(settings.baseline().render())
                .append("}\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MetricResult m : verdict.metrics()) {
            rows.add(new String[] {
                m.name(),
                m.label().display() + (m.guardrailBreached() ? " (guardrail)" : ""),
                number(m.effect()),
                m.interval() == null
                        ? "-"
                        : number(m.interval().lower()) + ".."
                                + number(m.interval().upper()),
                number(m.pValue()),
                number(m.boundary()),
                count(m.canaryN()),
                count(m.baselineN())
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]))
                        .append(i + 1 < row.length ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r > 0) {
                out.append("    ")
                        .append(verdict.metrics().get(r - 1).summary())
                        .append('\n');
            }
        }
        out.append('\n')
                .append("verdict: ")
                .append(AnalysisPhase.of(verdict.phase()).name())
                .append(" (score ")
                .append(verdict.value())
                .append(")\n")
                .append(verdict.message())
                .append('\n');
        return out.toString();
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }

    private static String count(double n) {
        return String.format(Locale.ROOT, "%.0f", n);
    }
}
