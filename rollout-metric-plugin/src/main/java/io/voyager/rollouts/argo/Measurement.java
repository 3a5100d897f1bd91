package io.voyager.rollouts.argo;

import java.time.Instant;
import java.util.Map;

/**
 * Argo's {@code v1alpha1.Measurement}. A measurement without {@code finishedAt} is in progress and
 * the controller will call Resume at or after {@code resumeAt}.
 */
public record Measurement(
        AnalysisPhase phase,
        String message,
        Instant startedAt,
        Instant finishedAt,
        String value,
        Map<String, String> metadata,
        Instant resumeAt) {

    public Measurement {
        message = message == null ? "" : message;
        value = value == null ? "" : value;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A finished measurement in phase Error: how failures reach the controller without crashing anything. */
    public static Measurement error(String message, Instant now) {
        return new Measurement(AnalysisPhase.Error, message, now, now, "", Map.of(), null);
    }

    public Measurement finishedAt(Instant when) {
        return new Measurement(phase, message, startedAt, when, value, metadata, resumeAt);
    }
}
