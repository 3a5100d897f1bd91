package io.voyager.rollouts.judge.stats;

/** Confidence intervals for one proportion (Wilson score) and for a difference (Newcombe's hybrid score). */
public final class ProportionInterval {
    private ProportionInterval() {}

    /** Wilson's score interval for events/n at the two-sided normal quantile z. */
    public static Interval wilson(long events, long n, double z) {
        if (n <= 0) {
            return new Interval(0.0, 1.0);
        }
        double p = (double) events / n;
        double z2 = z * z;
        double denominator = 1.0 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * (double) n));
        return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
    }

    /**
     * Newcombe's hybrid score interval for rate1 - rate2 (method 10 of Newcombe, Stat Med 1998;17:873-890),
     * built from the two Wilson intervals at the same z.
     */
    public static Interval newcombeDifference(long events1, long n1, long events2, long n2, double z) {
        double p1 = (double) events1 / n1;
        double p2 = (double) events2 / n2;
        Interval w1 = wilson(events1, n1, z);
        Interval w2 = wilson(events2, n2, z);
        double diff = p1 - p2;
        double lower = diff - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
        double upper = diff + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
        return new Interval(lower, upper);
    }

    private static double square(double x) {
        return x * x;
    }
}
