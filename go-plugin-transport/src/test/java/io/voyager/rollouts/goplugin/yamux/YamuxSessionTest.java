package io.voyager.rollouts.goplugin.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.goplugin.testsupport.SocketPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamuxSessionTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private SocketPair pair;
    private YamuxSession server;
    private YamuxSession client;
    private final BlockingQueue<YamuxStream> accepted = new ArrayBlockingQueue<>(16);

    private void connect(YamuxSession.StreamAcceptor acceptor) throws IOException {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), acceptor);
        client = YamuxSession.client(pair.host().in(), pair.host().out(), pair.host());
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private YamuxStream nextAccepted() throws InterruptedException {
        YamuxStream stream = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(stream).as("stream accepted within 10 s").isNotNull();
        return stream;
    }

    @Test
    void acknowledgesEveryOpenedStreamAtOnce() throws Exception {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), accepted::add);
        OutputStream host = pair.host().out();
        InputStream fromPlugin = pair.host().in();

        host.write(HEX.parseHex("000100010000000100000000"));
        host.write(HEX.parseHex("000100010000000300000000"));

        assertThat(HEX.formatHex(fromPlugin.readNBytes(24)))
                .isEqualTo("000100020000000100000000" + "000100020000000300000000");
        // Each accepted stream is handed over on its own thread, so the queue order is not the accept order.
        java.util.Map<Integer, Integer> acceptIndexById = new java.util.TreeMap<>();
        for (int i = 0; i < 2; i++) {
            YamuxStream stream = nextAccepted();
            acceptIndexById.put(stream.id(), stream.acceptIndex());
        }
        assertThat(acceptIndexById).containsExactly(java.util.Map.entry(1, 0), java.util.Map.entry(3, 1));
    }

    @Test
    void answersPingsWithTheSameOpaqueValue() throws Exception {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), accepted::add);

        pair.host().out().write(HEX.parseHex("00020001000000000000002a"));

        assertThat(HEX.formatHex(pair.host().in().readNBytes(12))).isEqualTo("00020002000000000000002a");
    }

    @Test
    void pingRoundTripsBetweenSessions() throws Exception {
        connect(accepted::add);

        Duration rtt = client.ping();

        assertThat(rtt).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void carriesMoreThanTheWindowInBothDirections() throws Exception {
        connect(stream -> {
            try {
                stream.input().transferTo(stream.output());
                stream.close();
            } catch (IOException e) {
                stream.reset();
            }
        });
        byte[] payload = new byte[3 * YamuxLimits.INITIAL_STREAM_WINDOW + 123];
        new Random(42).nextBytes(payload);
        YamuxStream stream = client.openStream();

        Thread writer = new Thread(() -> {
            try {
                stream.output().write(payload);
                stream.close();
            } catch (IOException e) {
                stream.reset();
            }
        });
        writer.start();
        byte[] echoed = stream.input().readAllBytes();
        writer.join(10_000);

        assertThat(echoed).isEqualTo(payload);
    }

    @Test
    void finEndsTheReadersStream() throws Exception {
        connect(accepted::add);
        YamuxStream stream = client.openStream();
        stream.output().write(new byte[] {1, 2, 3});
        stream.close();

        YamuxStream peer = nextAccepted();

        assertThat(peer.input().readAllBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void resetFailsPendingReads() throws Exception {
        connect(accepted::add);
        YamuxStream stream = client.openStream();
        YamuxStream peer = nextAccepted();

        stream.reset();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> peer.input().read())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reset");
    }

    @Test
    void dataForAnUnknownStreamIsDropped() throws Exception {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), accepted::add);
        OutputStream host = pair.host().out();

        host.write(HEX.parseHex("0000000000000009000000020102"));
        host.write(HEX.parseHex("000200010000000000000001"));

        assertThat(HEX.formatHex(pair.host().in().readNBytes(12))).isEqualTo("000200020000000000000001");
        assertThat(server.isClosed()).isFalse();
    }

    @Test
    void protocolErrorSendsGoAwayAndCloses() throws Exception {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), accepted::add);

        pair.host().out().write(HEX.parseHex("070000000000000000000000"));

        assertThat(HEX.formatHex(pair.host().in().readNBytes(12))).isEqualTo("000300000000000000000001");
        assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void duplicateStreamIdIsAProtocolError() throws Exception {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), accepted::add);

        pair.host().out().write(HEX.parseHex("000100010000000100000000" + "000100010000000100000000"));

        assertThat(HEX.formatHex(pair.host().in().readNBytes(24)))
                .isEqualTo("000100020000000100000000" + "000300000000000000000001");
    }

    @Test
    void grantsWindowAsDataIsConsumed() throws Exception {
        pair = SocketPair.open(dir);
        server = YamuxSession.server(pair.plugin().in(), pair.plugin().out(), pair.plugin(), accepted::add);
        OutputStream host = pair.host().out();
        host.write(HEX.parseHex("000100010000000100000000"));
        pair.host().in().readNBytes(12);
        YamuxStream peer = nextAccepted();
        int half = YamuxLimits.WINDOW_UPDATE_THRESHOLD;
        byte[] header = FrameHeader.data(1, Flags.NONE, half).toBytes();
        host.write(header);
        host.write(new byte[half]);

        assertThat(peer.input().readNBytes(half)).hasSize(half);

        assertThat(HEX.formatHex(pair.host().in().readNBytes(12)))
                .isEqualTo(HEX.formatHex(
                        FrameHeader.windowUpdate(1, Flags.NONE, half).toBytes()));
    }

    @Test
    void streamStatesFollowSynAckFinAndRst() throws Exception {
        connect(accepted::add);
        YamuxStream opened = client.openStream();
        YamuxStream peer = nextAccepted();
        assertThat(peer.state()).isEqualTo(YamuxStream.State.OPEN);
        opened.output().write(1);
        assertThat(peer.input().read()).isEqualTo(1);
        client.ping(); // the ping's answer travels behind the stream's ACK
        assertThat(opened.state()).isEqualTo(YamuxStream.State.OPEN);

        opened.close();
        assertThat(peer.input().read()).isEqualTo(-1);
        assertThat(peer.state()).isEqualTo(YamuxStream.State.REMOTE_CLOSED);
        peer.close();
        assertThat(peer.state()).isEqualTo(YamuxStream.State.CLOSED);

        YamuxStream second = client.openStream();
        nextAccepted().reset();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.input().read())
                .isInstanceOf(IOException.class);
        assertThat(second.state()).isEqualTo(YamuxStream.State.RESET);
    }
}
