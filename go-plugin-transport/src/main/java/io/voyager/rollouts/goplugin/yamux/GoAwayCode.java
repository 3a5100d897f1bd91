package io.voyager.rollouts.goplugin.yamux;

/** The error codes a Go Away frame carries in its length field. */
public final class GoAwayCode {
    public static final int NORMAL = 0;
    public static final int PROTOCOL_ERROR = 1;
    public static final int INTERNAL_ERROR = 2;

    private GoAwayCode() {}
}
