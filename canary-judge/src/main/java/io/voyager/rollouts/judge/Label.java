package io.voyager.rollouts.judge;

/** The closed set of outcomes of judging one metric. */
public enum Label {
    PASS,
    HIGH,
    LOW,
    NO_DATA,
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
            case ERROR -> "Error";
        };
    }
}
