package io.voyager.rollouts.judge.stats;

/**
 * Alpha spending that never runs out, whatever the number of looks. The planned looks 1..K share
 * (1 - OVERRUN_SHARE) alpha through the group-sequential boundaries of the spending function; each look
 * k > K after them gets OVERRUN_SHARE alpha K / ((k - 1) k), a series that sums to OVERRUN_SHARE alpha
 * however long the run goes on. An overrun look is tested at its own share alone, so the union bound holds
 * it whatever the correlation with earlier looks: the chance of any false failure over any number of looks
 * stays at or below alpha.
 */
public final class OpenEndedSpending {
    /** The part of alpha kept back for looks after the planned ones. */
    public static final double OVERRUN_SHARE = 0.1;

    private OpenEndedSpending() {}

    /**
     * The significance of one look.
     *
     * @param nominal the one-sided p-value a test must beat at this look
     * @param spent the part of alpha this look may use up (the spending function's increment)
     * @param overrun true when the look comes after the planned ones
     */
    public record LookLevel(double nominal, double spent, boolean overrun) {}

    public static LookLevel at(double alpha, int look, int plannedLooks, SpendingFunction spending) {
        if (look < 1 || plannedLooks < 1) {
            throw new IllegalArgumentException("need look >= 1 and plannedLooks >= 1");
        }
        double planned = (1.0 - OVERRUN_SHARE) * alpha;
        if (look <= plannedLooks) {
            double[] c = GroupSequentialBoundary.boundaries(planned, plannedLooks, spending);
            double t = (double) look / plannedLooks;
            double before = look == 1 ? 0.0 : spending.spent(planned, (look - 1.0) / plannedLooks);
            return new LookLevel(Normal.upperTail(c[look - 1]), spending.spent(planned, t) - before, false);
        }
        double share = OVERRUN_SHARE * alpha * plannedLooks / ((look - 1.0) * look);
        return new LookLevel(share, share, true);
    }

    /** Alpha used up by the end of this look: never more than alpha. */
    public static double spentBy(double alpha, int look, int plannedLooks, SpendingFunction spending) {
        double planned = (1.0 - OVERRUN_SHARE) * alpha;
        if (look <= plannedLooks) {
            return spending.spent(planned, (double) look / plannedLooks);
        }
        return planned + OVERRUN_SHARE * alpha * (1.0 - (double) plannedLooks / look);
    }
}
