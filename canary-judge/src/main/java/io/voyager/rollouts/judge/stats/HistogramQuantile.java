package io.voyager.rollouts.judge.stats;

/**
 * Quantiles from per-bucket counts, interpolated linearly inside the bucket exactly as Prometheus'
 * {@code histogram_quantile} does: the first bucket starts at 0 (when its bound is positive), and a rank
 * that falls in the +Inf bucket returns the highest finite bound.
 */
public final class HistogramQuantile {
    private HistogramQuantile() {}

    /**
     * @param upperBounds increasing bucket bounds, the last one +Inf
     * @param counts counts per bucket (not cumulative), same length
     */
    public static double quantile(double q, double[] upperBounds, double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double below = 0;
        for (int i = 0; i < counts.length; i++) {
            double cumulative = below + counts[i];
            if (cumulative >= rank && counts[i] > 0) {
                if (Double.isInfinite(upperBounds[i])) {
                    return i == 0 ? Double.NaN : upperBounds[i - 1];
                }
                double lower = i == 0 ? Math.min(0.0, upperBounds[0]) : upperBounds[i - 1];
                return lower + (upperBounds[i] - lower) * (rank - below) / counts[i];
            }
            below = cumulative;
        }
        return upperBounds[upperBounds.length - 1];
    }

    /** How many of the counts lie above value, interpolating inside its bucket like {@link #quantile}. */
    public static double countAbove(double value, double[] upperBounds, double[] counts) {
        double above = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            double lower = i == 0 ? Math.min(0.0, upperBounds[0]) : upperBounds[i - 1];
            if (lower >= value) {
                above += counts[i];
            } else {
                if (upperBounds[i] > value && !Double.isInfinite(upperBounds[i])) {
                    above += counts[i] * (upperBounds[i] - value) / (upperBounds[i] - lower);
                } else if (Double.isInfinite(upperBounds[i])) {
                    above += counts[i];
                }
                break;
            }
        }
        return above;
    }
}
