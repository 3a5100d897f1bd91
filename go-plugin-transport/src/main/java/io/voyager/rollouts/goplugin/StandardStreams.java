package io.voyager.rollouts.goplugin;

import java.io.PrintStream;

/**
 * Keeps the process's real stdout for the handshake line alone. {@link #reserveStdout()} runs before
 * anything else and points {@code System.out} at stderr, so no library can ever print to the
 * host's handshake pipe.
 */
public final class StandardStreams {
    private static PrintStream handshakeOut;

    private StandardStreams() {}

    public static synchronized void reserveStdout() {
        if (handshakeOut == null) {
            handshakeOut = System.out;
            System.setOut(System.err);
        }
    }

    /** Prints the handshake line on the real stdout; callable once. */
    public static synchronized void printHandshake(String line) {
        PrintStream out = handshakeOut != null ? handshakeOut : System.out;
        out.print(line + "\n");
        out.flush();
    }
}
