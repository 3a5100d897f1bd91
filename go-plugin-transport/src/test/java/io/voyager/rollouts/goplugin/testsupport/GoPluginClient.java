package io.voyager.rollouts.goplugin.testsupport;

import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.yamux.YamuxSession;
import io.voyager.rollouts.goplugin.yamux.YamuxStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The host's side of a go-plugin connection, as go-plugin's RPCClient does it: a yamux client
 * session, the control stream and the two stdio mirror streams, and plugins dispensed through the broker.
 */
public final class GoPluginClient {
    private final YamuxSession session;
    private final RpcClient control;

    public GoPluginClient(InputStream in, OutputStream out, java.io.Closeable connection) throws IOException {
        session = YamuxSession.client(in, out, connection);
        YamuxStream controlStream = session.openStream();
        session.openStream(); // the plugin's stdout mirror
        session.openStream(); // the plugin's stderr mirror
        control = new RpcClient(controlStream.input(), controlStream.output());
    }

    public YamuxSession session() {
        return session;
    }

    /** {@code Dispenser.Dispense}, then the broker handshake on a new stream; returns its net/rpc client. */
    public RpcClient dispense(String pluginName) throws IOException {
        YamuxStream stream = dispenseStream(pluginName);
        return new RpcClient(stream.input(), stream.output());
    }

    /** {@code Dispenser.Dispense} and the broker handshake; returns the stream the plugin serves net/rpc on. */
    public YamuxStream dispenseStream(String pluginName) throws IOException {
        long id = (Long) control.call("Dispenser.Dispense", GobType.STRING, pluginName);
        YamuxStream stream = session.openStream();
        byte[] idBytes = ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) id)
                .array();
        stream.output().write(idBytes);
        byte[] ack = stream.input().readNBytes(4);
        if (!Arrays.equals(ack, idBytes)) {
            throw new IOException("bad ack for broker id " + id);
        }
        return stream;
    }

    public void ping() throws IOException {
        control.call("Control.Ping", GobType.BOOL, true);
    }

    /**
     * {@code Control.Quit}, then hang up. A Go plugin's controlServer.Quit ends its server before the
     * reply is written, so the reply may never come; go-plugin's own client then still waits for the exit.
     */
    public void quit() throws IOException {
        try {
            control.call("Control.Quit", GobType.BOOL, true);
        } catch (RpcClient.ServerError e) {
            throw e;
        } catch (IOException e) {
            // The plugin exited (its end of the connection closed) before answering: the caller judges the
            // quit by the exit status.
        } finally {
            session.close();
        }
    }
}
