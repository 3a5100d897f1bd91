package io.voyager.rollouts.judge.stats;

/** Small helpers for arrays of counts. */
public final class Counts {
    private Counts() {}

    public static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    public static double[] toDouble(long[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
