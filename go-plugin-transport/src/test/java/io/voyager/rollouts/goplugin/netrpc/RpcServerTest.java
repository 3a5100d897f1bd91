package io.voyager.rollouts.goplugin.netrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.voyager.rollouts.goplugin.gob.GobEncoder;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.testsupport.Golden;
import io.voyager.rollouts.goplugin.testsupport.Golden.Exchange;
import io.voyager.rollouts.goplugin.testsupport.InMemoryRpc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RpcServerTest {

    private static byte[] requests(Object[]... calls) throws IOException {
        GobEncoder encoder = new GobEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long seq = 0;
        for (Object[] call : calls) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("ServiceMethod", call[0]);
            header.put("Seq", seq++);
            encoder.encode(out, RpcWireTypes.REQUEST, header);
            encoder.encode(out, (GobType) call[1], call[2]);
        }
        return out.toByteArray();
    }

    @Test
    void answersInTheOrderCallsFinishMatchedBySeq() throws Exception {
        CountDownLatch fastDone = new CountDownLatch(1);
        RpcServices services = new RpcServices()
                .register("Plugin", "Slow", arg -> {
                    try {
                        fastDone.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return RpcReply.of(GobType.STRING, "slow");
                })
                .register(
                        "Plugin",
                        "Fast",
                        arg -> RpcReply.of(GobType.STRING, "fast").then(fastDone::countDown));

        byte[] answers =
                InMemoryRpc.answer(services, requests(new Object[] {"Plugin.Slow", GobType.STRING, "a"}, new Object[] {
                    "Plugin.Fast", GobType.STRING, "b"
                }));

        List<Exchange> responses = Golden.exchanges(answers);
        assertThat(responses)
                .extracting(
                        Exchange::serviceMethod, Exchange::seq, e -> e.body().value())
                .containsExactly(tuple("Plugin.Fast", 1L, "fast"), tuple("Plugin.Slow", 0L, "slow"));
    }

    @Test
    void unknownMethodsStillConsumeTheirBodyAndTheStreamGoesOn() throws Exception {
        RpcServices services =
                new RpcServices().register("Plugin", "Type", arg -> RpcReply.of(GobType.STRING, "RPCPlugin"));

        byte[] answers = InMemoryRpc.answer(
                services,
                requests(
                        new Object[] {"Plugin.Nope", GobType.map(GobType.STRING, GobType.STRING), Map.of("k", "v")},
                        new Object[] {"Plugin.Type", GobType.INTERFACE, null}));

        List<Exchange> responses = Golden.exchanges(answers).stream()
                .sorted(java.util.Comparator.comparingLong(Exchange::seq))
                .toList();
        assertThat(responses)
                .extracting(Exchange::seq, Exchange::error)
                .containsExactly(tuple(0L, "rpc: can't find method Plugin.Nope"), tuple(1L, ""));
        assertThat(responses.get(1).body().value()).isEqualTo("RPCPlugin");
    }

    @Test
    void typeDefinitionsAreSentOncePerStream() throws Exception {
        RpcServices services =
                new RpcServices().register("Plugin", "Type", arg -> RpcReply.of(GobType.STRING, "RPCPlugin"));
        byte[] one = InMemoryRpc.answer(services, requests(new Object[] {"Plugin.Type", GobType.INTERFACE, null}));

        byte[] two = InMemoryRpc.answer(
                services, requests(new Object[] {"Plugin.Type", GobType.INTERFACE, null}, new Object[] {
                    "Plugin.Type", GobType.INTERFACE, null
                }));

        assertThat(two.length)
                .as("second response carries no Response definition")
                .isLessThan(2 * one.length);
        assertThat(Golden.exchanges(two)).hasSize(2);
    }
}
