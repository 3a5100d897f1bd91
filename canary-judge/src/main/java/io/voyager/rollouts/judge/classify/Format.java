package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.stats.Interval;
import java.util.Locale;

/** Numbers as a person reads them in a one-line message. */
final class Format {
    static final String MINUS = "\u2212";

    private Format() {}

    static String percent(double rate, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100.0 * rate);
    }

    static String signed(double x, int decimals) {
        String body = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(x));
        if (Double.isInfinite(x)) {
            body = "inf";
        }
        return (x < 0 ? MINUS : "+") + body;
    }

    static String range(Interval interval, double scale, int decimals) {
        return signed(interval.lower() * scale, decimals) + ".." + signed(interval.upper() * scale, decimals);
    }

    /** "99%" or "99.73%": enough decimals to show how far from 100% the level is, never rounded up to 100. */
    static String confidence(double level) {
        double miss = 1.0 - level;
        int decimals = (int) Math.max(0, Math.min(4, Math.ceil(-Math.log10(miss)) - 2));
        double factor = Math.pow(10, decimals);
        double shown = Math.floor(level * 100.0 * factor) / factor;
        return String.format(Locale.ROOT, "%." + decimals + "f%%", shown);
    }

    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "n/a";
        }
        return s < 1.0 ? String.format(Locale.ROOT, "%.0f ms", s * 1000.0) : String.format(Locale.ROOT, "%.2f s", s);
    }

    static String plain(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** "p99", "p99.9", "p50". */
    static String quantileName(double q) {
        return "p"
                + java.math.BigDecimal.valueOf(Math.round(q * 1e6) / 1e4)
                        .stripTrailingZeros()
                        .toPlainString();
    }
}
