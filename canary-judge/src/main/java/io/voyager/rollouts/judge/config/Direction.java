package io.voyager.rollouts.judge.config;

/** Which change of the canary against the baseline is a regression. */
public enum Direction {
    INCREASE_IS_BAD,
    DECREASE_IS_BAD,
    EITHER;

    public boolean increaseIsBad() {
        return this != DECREASE_IS_BAD;
    }

    public boolean decreaseIsBad() {
        return this != INCREASE_IS_BAD;
    }

    /** A two-sided test splits its error rate between the two tails. */
    public int tails() {
        return this == EITHER ? 2 : 1;
    }
}
