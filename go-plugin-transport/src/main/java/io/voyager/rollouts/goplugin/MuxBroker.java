package io.voyager.rollouts.goplugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * go-plugin's MuxBroker, plugin side: Dispense reserves an id; the host then opens a stream, writes
 * the id as 4 little-endian bytes and expects the same 4 bytes back before net/rpc starts on it.
 */
public final class MuxBroker {
    /** Ids are go-plugin broker ids, unrelated to yamux stream ids; Go starts at 1. */
    private final AtomicInteger nextId = new AtomicInteger(1);

    private final Map<Integer, String> reserved = new ConcurrentHashMap<>();

    /** Reserves the id the host will dial for the plugin named {@code pluginName}. */
    public int reserve(String pluginName) {
        int id = nextId.getAndIncrement();
        reserved.put(id, pluginName);
        return id;
    }

    /**
     * Reads the id from a new stream and acknowledges it.
     *
     * @return the plugin name the id was reserved for
     * @throws IOException when the stream ends early or carries an id nobody reserved
     */
    public String accept(InputStream in, OutputStream out) throws IOException {
        byte[] id = in.readNBytes(Integer.BYTES);
        if (id.length < Integer.BYTES) {
            throw new IOException("broker stream ended before its id");
        }
        int value = ByteBuffer.wrap(id).order(ByteOrder.LITTLE_ENDIAN).getInt();
        String plugin = reserved.remove(value);
        if (plugin == null) {
            throw new IOException("no dispensed plugin has broker id " + Integer.toUnsignedString(value));
        }
        out.write(id);
        out.flush();
        return plugin;
    }
}
