package io.voyager.rollouts.judge.stats;

/** A closed interval; either end may be infinite when the data cannot bound it. */
public record Interval(double lower, double upper) {
    public static final Interval UNBOUNDED = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
