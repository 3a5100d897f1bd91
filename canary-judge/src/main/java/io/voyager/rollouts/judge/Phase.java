package io.voyager.rollouts.judge;

/** The Argo Rollouts measurement phases a verdict maps to. */
public enum Phase {
    SUCCESSFUL("Successful"), INCONCLUSIVE("Inconclusive"), FAILED("Failed"), ERROR("Error");

    private final String argoName;

    Phase(String argoName) {
        this.argoName = argoName;
    }

    /** The phase string Argo Rollouts expects in a Measurement. */
    public String argoName() {
        return argoName;
    }
}
