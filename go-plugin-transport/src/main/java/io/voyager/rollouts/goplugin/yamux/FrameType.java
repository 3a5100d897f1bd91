package io.voyager.rollouts.goplugin.yamux;

/** The four yamux frame types; the code is the header's second byte. */
public enum FrameType {
    DATA(0),
    WINDOW_UPDATE(1),
    PING(2),
    GO_AWAY(3);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static FrameType of(int code, long offset) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new YamuxException("invalid frame type " + code, offset);
    }
}
