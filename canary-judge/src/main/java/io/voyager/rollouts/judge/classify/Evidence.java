package io.voyager.rollouts.judge.classify;

import io.voyager.rollouts.judge.config.Direction;

/** Small rules shared by the classifiers. */
final class Evidence {
    private Evidence() {}

    /** The p-value reported for a metric: the one in its bad direction, the smaller one for "either". */
    static double badSideP(Direction direction, double pHigher, double pLower) {
        return switch (direction) {
            case INCREASE_IS_BAD -> pHigher;
            case DECREASE_IS_BAD -> pLower;
            case EITHER -> Math.min(pHigher, pLower);
        };
    }
}
