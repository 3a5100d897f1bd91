package io.voyager.rollouts.argo;

/** Kubernetes' {@code intstr.IntOrString}: type 0 holds an int, type 1 a string. */
public record IntOrString(long type, long intVal, String strVal) {
    public static final long INT = 0;
    public static final long STRING = 1;

    @Override
    public String toString() {
        return type == STRING ? strVal : Long.toString(intVal);
    }
}
