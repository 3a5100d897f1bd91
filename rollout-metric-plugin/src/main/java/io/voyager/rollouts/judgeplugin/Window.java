package io.voyager.rollouts.judgeplugin;

import java.time.Duration;
import java.time.Instant;

/** The range of data judged at a look. */
public sealed interface Window {
    /** The smallest range judged at a run's first look, when the run has only just started. */
    Duration DEFAULT_MINIMUM = Duration.ofMinutes(1);

    /** The range ending at {@code now}; {@code analysisStart} may be null when unknown. */
    Duration resolve(Instant now, Instant analysisStart);

    /** The same trailing range at every look. */
    record Lookback(Duration length) implements Window {
        @Override
        public Duration resolve(Instant now, Instant analysisStart) {
            return length;
        }

        @Override
        public String toString() {
            return Durations.format(length);
        }
    }

    /**
     * Everything since the AnalysisRun started, so each look sees all the data of the looks before it:
     * the cumulative data the alpha-spending boundaries assume.
     */
    record SinceAnalysisStart(Duration minimum) implements Window {
        @Override
        public Duration resolve(Instant now, Instant analysisStart) {
            if (analysisStart == null || !analysisStart.isBefore(now)) {
                return minimum;
            }
            // Whole seconds, as a PromQL range is written.
            Duration since =
                    Duration.ofSeconds((Duration.between(analysisStart, now).toMillis() + 999) / 1000);
            return since.compareTo(minimum) < 0 ? minimum : since;
        }

        @Override
        public String toString() {
            return "sinceAnalysisStart";
        }
    }
}
