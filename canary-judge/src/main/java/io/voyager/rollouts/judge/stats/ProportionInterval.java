package io.voyager.rollouts.judge.stats;

/** Confidence intervals for one proportion (Wilson score) and for a difference (Newcombe's hybrid score). */
public final class ProportionInterval {
    private ProportionInterval() {}

    /** Wilson's score interval for events/n at the two-sided normal quantile z. */
    public static Interval wilson(long events, long n, double z) {
        return n <= 0 ? new Interval(0.0, 1.0) : wilson((double) events / n, (double) n, z);
    }

    /** Wilson's score interval for a rate p observed on n requests' worth of information (n may be fractional). */
    public static Interval wilson(double p, double n, double z) {
        double z2 = z * z;
        double denominator = 1.0 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
    }

    /**
     * Newcombe's hybrid score interval for rate1 - rate2 (method 10 of Newcombe, Stat Med 1998;17:873-890),
     * built from the two Wilson intervals at the same z.
     */
    public static Interval newcombeDifference(long events1, long n1, long events2, long n2, double z) {
        return newcombeDifference((double) events1 / n1, n1, (double) events2 / n2, n2, z);
    }

    /** The same for rates p1 and p2 with effective sizes n1 and n2 (e.g. counts divided by a design effect). */
    public static Interval newcombeDifference(double p1, double n1, double p2, double n2, double z) {
        Interval w1 = wilson(p1, n1, z);
        Interval w2 = wilson(p2, n2, z);
        double diff = p1 - p2;
        double lower = diff - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
        double upper = diff + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
        return new Interval(lower, upper);
    }

    private static double square(double x) {
        return x * x;
    }
}
