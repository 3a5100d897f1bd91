package io.voyager.gateway.processor;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Before the gateway takes traffic, sends each adapter a few made-up authorizations to a
 * throw-away loopback server. A cold JVM needs over a second for its first call through the REST
 * client, far past the 350 ms processor timeout: without this a new pod (a canary above all) would
 * answer its first payments with 504. The server runs on its own small Vert.x instance so it
 * leaves no trace in the gateway's HTTP metrics.
 */
@ApplicationScoped
public class ProcessorWarmUp {

    private static final Logger LOG = Logger.getLogger(ProcessorWarmUp.class);
    private static final int ROUNDS = 3;
    private static final long TIMEOUT_SECONDS = 30;

    void warmUp(@Observes StartupEvent event, Instance<PaymentProcessor> processors) {
        long start = System.nanoTime();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body()
                            .onComplete(ignored -> request.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end("{}")))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            URI loopback = URI.create("http://127.0.0.1:" + server.actualPort());
            for (int round = 0; round < ROUNDS; round++) {
                for (PaymentProcessor processor : processors) {
                    if (processor instanceof HttpProcessorAdapter<?> adapter) {
                        adapter.warmUp(loopback);
                    }
                }
            }
            LOG.infof("Processor clients warmed up in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (Exception e) {
            LOG.warnf("Processor client warm-up skipped: %s", e.getClass().getSimpleName());
        } finally {
            vertx.close();
        }
    }
}
