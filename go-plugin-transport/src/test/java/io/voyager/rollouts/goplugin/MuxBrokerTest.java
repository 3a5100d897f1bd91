package io.voyager.rollouts.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MuxBrokerTest {

    @Test
    void idsStartAtOneAndTheAckEchoesTheLittleEndianId() throws Exception {
        MuxBroker broker = new MuxBroker();
        assertThat(broker.reserve("RpcMetricProviderPlugin")).isEqualTo(1);
        ByteArrayOutputStream ack = new ByteArrayOutputStream();

        String plugin = broker.accept(new ByteArrayInputStream(new byte[] {1, 0, 0, 0}), ack);

        assertThat(plugin).isEqualTo("RpcMetricProviderPlugin");
        assertThat(ack.toByteArray()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void anIdCanBeClaimedOnlyOnce() throws Exception {
        MuxBroker broker = new MuxBroker();
        broker.reserve("p");
        broker.accept(new ByteArrayInputStream(new byte[] {1, 0, 0, 0}), new ByteArrayOutputStream());

        assertThatThrownBy(() ->
                        broker.accept(new ByteArrayInputStream(new byte[] {1, 0, 0, 0}), new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("broker id 1");
    }

    @Test
    void aStreamEndingBeforeItsIdIsRefused() {
        MuxBroker broker = new MuxBroker();
        broker.reserve("p");

        assertThatThrownBy(
                        () -> broker.accept(new ByteArrayInputStream(new byte[] {1, 0}), new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class);
    }
}
