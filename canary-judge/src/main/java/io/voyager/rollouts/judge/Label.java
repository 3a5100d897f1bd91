package io.voyager.rollouts.judge;

/** The closed set of outcomes of judging one metric. */
public enum Label {
    PASS,
    HIGH,
    LOW,
    NO_DATA,
    /**
     * Not judged yet on purpose: the canary has requests, but too few outside its pods' warm-up to compare.
     * Unlike NoData it does not make a look Inconclusive; the look is decided by the metrics that could be judged.
     */
    WAITING,
    ERROR;

    /** High and Low are only ever assigned in a direction the metric's config calls bad. */
    public boolean isRegression() {
        return this == HIGH || this == LOW;
    }

    public boolean isClassified() {
        return this == PASS || isRegression();
    }

    public String display() {
        return switch (this) {
            case PASS -> "Pass";
            case HIGH -> "High";
            case LOW -> "Low";
            case NO_DATA -> "NoData";
            case WAITING -> "Waiting";
            case ERROR -> "Error";
        };
    }
}
