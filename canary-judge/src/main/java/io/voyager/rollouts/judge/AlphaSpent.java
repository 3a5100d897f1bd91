package io.voyager.rollouts.judge;

import java.util.Locale;

/**
 * How much of the run's false-failure budget a look used: the look's share, what the run has used up by
 * its end, and the family-wise budget over all metrics that bounds both.
 *
 * @param thisLook alpha spent at this look, summed over every metric's tests
 * @param soFar alpha spent by the end of this look, summed the same way; never more than {@code familyWise}
 * @param familyWise the chance, over the whole run, that any metric fails an unchanged canary is at most this
 */
public record AlphaSpent(int look, int plannedLooks, double thisLook, double soFar, double familyWise, int metrics) {

    public boolean overrun() {
        return look > plannedLooks;
    }

    /**
     * For the verdict's message, e.g. "look 3 of 12 planned: alpha 0.00074 spent, 0.0024 so far of family-wise 0.01
     * over 2 metrics".
     */
    String describe() {
        String where = overrun()
                ? "look " + look + ", " + (look - plannedLooks) + " past the " + plannedLooks + " planned"
                : "look " + look + " of " + plannedLooks + " planned";
        return where + ": alpha " + number(thisLook) + " spent, " + number(soFar) + " so far of family-wise "
                + number(familyWise) + " over " + metrics + (metrics == 1 ? " metric" : " metrics");
    }

    static String number(double x) {
        return String.format(Locale.ROOT, "%.2g", x);
    }
}
