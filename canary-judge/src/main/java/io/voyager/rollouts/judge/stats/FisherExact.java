package io.voyager.rollouts.judge.stats;

/**
 * Fisher's exact test on a 2x2 table
 * <pre>
 *            event   no event
 *   group 1    a        b
 *   group 2    c        d
 * </pre>
 * conditioning on the margins, so that {@code a} is hypergeometric.
 */
public final class FisherExact {
    /** R's fisher.test treats probabilities within this relative distance of the observed one as equal. */
    private static final double RELATIVE_TIE = 1e-7;
    /** Largest support this class sums over; beyond it the normal approximation is the right tool anyway. */
    public static final long MAX_SUPPORT = 2_000_000;

    private FisherExact() {}

    /** P(A >= a): evidence that group 1 has the higher event rate. */
    public static double greater(long a, long b, long c, long d) {
        Table t = new Table(a, b, c, d);
        return t.sum(a, t.max, Double.POSITIVE_INFINITY);
    }

    /** P(A <= a): evidence that group 1 has the lower event rate. */
    public static double less(long a, long b, long c, long d) {
        Table t = new Table(a, b, c, d);
        return t.sum(t.min, a, Double.POSITIVE_INFINITY);
    }

    /** Sum of the probabilities of all tables no more likely than the observed one. */
    public static double twoSided(long a, long b, long c, long d) {
        Table t = new Table(a, b, c, d);
        double observed = t.logPmf(a);
        return Math.min(1.0, t.sum(t.min, t.max, observed + Math.log1p(RELATIVE_TIE)));
    }

    /** How many tables share these margins: the number of terms an exact p-value sums. */
    public static long supportSize(long a, long b, long c, long d) {
        return Math.min(a + b, a + c) - Math.max(0, a + c - (c + d)) + 1;
    }

    private static final class Table {
        final long row1;
        final long col1;
        final long total;
        final long min;
        final long max;
        final double logConstant;

        Table(long a, long b, long c, long d) {
            if (a < 0 || b < 0 || c < 0 || d < 0) {
                throw new IllegalArgumentException("cell counts must be >= 0");
            }
            row1 = a + b;
            col1 = a + c;
            total = a + b + c + d;
            long row2 = c + d;
            long col2 = b + d;
            min = Math.max(0, col1 - row2);
            max = Math.min(row1, col1);
            if (max - min + 1 > MAX_SUPPORT) {
                throw new IllegalArgumentException("table too large for an exact test: support " + (max - min + 1));
            }
            logConstant = SpecialFunctions.logFactorial(row1)
                    + SpecialFunctions.logFactorial(row2)
                    + SpecialFunctions.logFactorial(col1)
                    + SpecialFunctions.logFactorial(col2)
                    - SpecialFunctions.logFactorial(total);
        }

        double logPmf(long x) {
            return logConstant
                    - SpecialFunctions.logFactorial(x)
                    - SpecialFunctions.logFactorial(row1 - x)
                    - SpecialFunctions.logFactorial(col1 - x)
                    - SpecialFunctions.logFactorial(total - row1 - col1 + x);
        }

        /** Sum of P(A = x) over from..to, counting only tables with log-probability <= ceiling. */
        double sum(long from, long to, double ceiling) {
            double peak = Double.NEGATIVE_INFINITY;
            for (long x = from; x <= to; x++) {
                double lp = logPmf(x);
                if (lp <= ceiling) {
                    peak = Math.max(peak, lp);
                }
            }
            if (peak == Double.NEGATIVE_INFINITY) {
                return 0.0;
            }
            double scaled = 0.0;
            for (long x = from; x <= to; x++) {
                double lp = logPmf(x);
                if (lp <= ceiling) {
                    scaled += Math.exp(lp - peak);
                }
            }
            return Math.min(1.0, scaled * Math.exp(peak));
        }
    }
}
