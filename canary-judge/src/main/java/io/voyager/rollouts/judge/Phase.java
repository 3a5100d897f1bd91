package io.voyager.rollouts.judge;

/** How a look ends: the canary passed, the look could not decide, the canary failed, or it could not be judged. */
public enum Phase {
    SUCCESSFUL,
    INCONCLUSIVE,
    FAILED,
    ERROR
}
