package io.voyager.rollouts.goplugin.yamux;

import java.time.Duration;

/** Every yamux size and time limit in one place; the values match hashicorp/yamux's defaults. */
public final class YamuxLimits {
    /** Protocol version byte; any other value aborts the session. */
    public static final int VERSION = 0;
    /** Size of a frame header. */
    public static final int HEADER_SIZE = 12;
    /** Per-stream window in each direction at stream open. */
    public static final int INITIAL_STREAM_WINDOW = 256 * 1024;
    /** Consumed bytes that trigger a window update, as Go does (half the window). */
    public static final int WINDOW_UPDATE_THRESHOLD = INITIAL_STREAM_WINDOW / 2;
    /** Largest data payload accepted in one frame: more than the window is a protocol violation. */
    public static final int MAX_DATA_PAYLOAD = INITIAL_STREAM_WINDOW;
    /** Streams the peer may have open at once before new ones are refused. */
    public static final int MAX_STREAMS = 256;
    /** How long a keepalive ping may wait for its answer. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    /** How long a writer waits for the peer to open its window before the stream is reset. */
    public static final Duration SEND_WINDOW_TIMEOUT = Duration.ofSeconds(75);

    private YamuxLimits() {}
}
