package io.voyager.rollouts.goplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.testsupport.Golden;
import io.voyager.rollouts.goplugin.testsupport.Golden.Exchange;
import io.voyager.rollouts.goplugin.testsupport.InMemoryRpc;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ControlStreamGoldenTest {

    @Test
    void decodesTheGoHostsControlRequests() throws Exception {
        List<Exchange> requests = Golden.exchanges(Golden.bytes("control-host.bin"));

        assertThat(requests)
                .extracting(Exchange::serviceMethod, Exchange::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Dispenser.Dispense", 0L),
                        org.assertj.core.groups.Tuple.tuple("Control.Ping", 1L),
                        org.assertj.core.groups.Tuple.tuple("Control.Quit", 2L));
        assertThat(requests).extracting(e -> e.body().value()).containsExactly("RpcMetricProviderPlugin", true, true);
    }

    @Test
    void answersTheCapturedRequestsAsGoPluginDoes() throws Exception {
        AtomicBoolean quit = new AtomicBoolean();
        byte[] answers = InMemoryRpc.answer(
                ControlServices.create(new MuxBroker(), Set.of("RpcMetricProviderPlugin"), () -> quit.set(true)),
                Golden.bytes("control-host.bin"));

        List<Exchange> ours = sortedBySeq(Golden.exchanges(answers));
        List<Exchange> go = Golden.exchanges(Golden.bytes("control-plugin.bin"));
        assertThat(ours)
                .extracting(Exchange::serviceMethod, Exchange::seq, Exchange::error)
                .containsExactlyElementsOf(go.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.serviceMethod(), e.seq(), e.error()))
                        .toList());
        assertThat(ours.get(0).body().value())
                .isEqualTo(go.get(0).body().value())
                .isEqualTo(1L);
        assertThat(((GobStruct) ours.get(1).body().value()).fields()).isEmpty();
        assertThat(((GobStruct) go.get(1).body().value()).fields()).isEmpty();
        assertThat(quit).as("Control.Quit asks the plugin to exit").isTrue();
    }

    static List<Exchange> sortedBySeq(List<Exchange> exchanges) {
        return exchanges.stream()
                .sorted(Comparator.comparingLong(Exchange::seq))
                .toList();
    }
}
