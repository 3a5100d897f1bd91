package io.voyager.rollouts.judgeplugin;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Argo and Prometheus write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1d}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    /** Longer is a typo, and would overflow the arithmetic on instants and milliseconds downstream. */
    static final Duration MAX = Duration.ofDays(365);

    private Durations() {}

    /** @throws IllegalArgumentException when the text is not such a duration or is zero */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be a duration like 30s, 5m or 1h30m");
        }
        String stripped = text.strip();
        Matcher m = PART.matcher(stripped);
        Duration total = Duration.ZERO;
        int end = 0;
        // Anchored at each part's start: find() would rescan a long digit run from every offset (quadratic).
        while (end < stripped.length() && m.region(end, stripped.length()).lookingAt()) {
            total = total.plus(part(m.group(1), m.group(2), text));
            if (total.compareTo(MAX) > 0) {
                throw tooLong(text);
            }
            end = m.end();
        }
        if (end == 0 || end != stripped.length()) {
            throw new IllegalArgumentException("must be a duration like 30s, 5m or 1h30m, got '" + text + "'");
        }
        if (total.isZero()) {
            throw new IllegalArgumentException("must be longer than zero");
        }
        return total;
    }

    private static Duration part(String digits, String unit, String text) {
        try {
            long n = Long.parseLong(digits);
            Duration part = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            // Bounded before it is added, so the running total can never overflow.
            if (part.compareTo(MAX) > 0) {
                throw tooLong(text);
            }
            return part;
        } catch (NumberFormatException | ArithmeticException e) {
            throw tooLong(text);
        }
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("must be at most " + MAX.toDays() + "d, got '" + text + "'");
    }

    /** The shortest form that parses back: 90s is 1m30s. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || out.length() == 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
