package io.voyager.rollouts.goplugin.testsupport;

import io.voyager.rollouts.goplugin.netrpc.RpcServer;
import io.voyager.rollouts.goplugin.netrpc.RpcServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs our net/rpc server over a recorded request stream and returns what it wrote. */
public final class InMemoryRpc {
    private InMemoryRpc() {}

    public static byte[] answer(RpcServices services, byte[] requests) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            new RpcServer(services, workers, 4).serve(new ByteArrayInputStream(requests), out);
        } finally {
            workers.shutdown();
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new AssertionError("calls still running after 30 s");
            }
        }
        synchronized (out) {
            return out.toByteArray();
        }
    }
}
