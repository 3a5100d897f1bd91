package io.voyager.bench.routelimit;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The route-shape limit of the throughput benchmark: {@code POST /v1/authorizations} served by plain
 * Vert.x with exactly one outbound HTTP call per request and nothing else. It reads the request body
 * and ignores it, sends Stripe's {@code POST /v1/payment_intents} (form-encoded, the fields the
 * gateway's Stripe adapter sends) to the sandbox's Stripe listener, and returns the answer's body with
 * a 201; any other answer or a failed call is a 502, so the benchmark, which counts only 201s, sees it.
 *
 * <p>Command line: {@code java -jar benchmarks/route-limit/target/route-limit.jar --port 8090
 * --stripe-port 18001 [--host 127.0.0.1] [--event-loops 2] [--pool 1000]}. {@code GET /health}
 * answers 200 once it listens.
 */
public final class RouteLimitMain {

    static final String PATH = "/v1/authorizations";
    static final String STRIPE_PATH = "/v1/payment_intents";
    /** The sandbox's default Stripe key (SandboxConfig.Accepts), the one the benchmark gateway sends too. */
    static final String STRIPE_KEY = "sk_test_voyager_sandbox";
    static final String FORM = "amount=1299&currency=usd&payment_method=tok_approved&payment_method_types%5B%5D=card"
            + "&confirm=true&capture_method=manual&description=order-route-limit&metadata%5Bmerchant_id%5D=m_loadtest";

    private RouteLimitMain() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 8090;
        int stripePort = -1;
        int eventLoops = 2;
        int pool = 1000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = required(args[i], value);
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--stripe-port" -> stripePort = Integer.parseInt(required(args[i], value));
                case "--event-loops" -> eventLoops = Integer.parseInt(required(args[i], value));
                case "--pool" -> pool = Integer.parseInt(required(args[i], value));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (stripePort <= 0) {
            usage("--stripe-port is required");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        String listenHost = host;
        int listenPort = port;
        int upstreamPort = stripePort;
        int connections = pool;
        // One server and one client per event loop: each request is served and forwarded on the same loop.
        vertx.deployVerticle(() -> new Route(listenHost, listenPort, upstreamPort, connections),
                        new DeploymentOptions().setInstances(eventLoops))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "route-limit: listening on http://%s:%d, forwarding to http://%s:%d%s "
                + "(%d event loops, %d connections each)%n", host, port, host, stripePort, STRIPE_PATH, eventLoops, pool);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join()));
    }

    private static String required(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("route-limit: " + problem);
        System.err.println("usage: route-limit --stripe-port PORT [--port 8090] [--host 127.0.0.1] [--event-loops 2] "
                + "[--pool 1000]");
        System.exit(2);
    }

    /** One event loop's server and client. */
    static final class Route extends AbstractVerticle {

        private static final AtomicLong UNKEYED = new AtomicLong();
        private static final Buffer FORM_BODY = Buffer.buffer(FORM);

        private final String host;
        private final int port;
        private final int stripePort;
        private final int pool;
        private HttpClient client;

        Route(String host, int port, int stripePort, int pool) {
            this.host = host;
            this.port = port;
            this.stripePort = stripePort;
            this.pool = pool;
        }

        @Override
        public void start(Promise<Void> started) {
            client = vertx.createHttpClient(new HttpClientOptions()
                            .setDefaultHost(host)
                            .setDefaultPort(stripePort)
                            .setKeepAlive(true)
                            .setPipelining(false)
                            .setConnectTimeout(1_000),
                    new PoolOptions().setHttp1MaxSize(pool));
            vertx.createHttpServer()
                    .requestHandler(this::handle)
                    .listen(port, host)
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        private void handle(HttpServerRequest request) {
            if (request.method() == HttpMethod.GET && "/health".equals(request.path())) {
                request.response().end("ok");
                return;
            }
            if (request.method() != HttpMethod.POST || !PATH.equals(request.path())) {
                request.response().setStatusCode(404).end();
                return;
            }
            String key = request.getHeader("Idempotency-Key");
            String idempotencyKey = key != null ? key : "route-limit-" + UNKEYED.incrementAndGet();
            request.body()
                    .compose(ignored -> client.request(new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setURI(STRIPE_PATH)
                            .putHeader("Content-Type", "application/x-www-form-urlencoded")
                            .putHeader("Authorization", "Bearer " + STRIPE_KEY)
                            .putHeader("Idempotency-Key", idempotencyKey)))
                    .compose(outbound -> outbound.send(FORM_BODY))
                    .compose(answer -> answer.body().map(body -> answer.statusCode() == 200 ? body : null))
                    .onComplete(result -> {
                        if (request.response().closed()) {
                            return;
                        }
                        if (result.succeeded() && result.result() != null) {
                            request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                                    .end(result.result());
                        } else {
                            request.response().setStatusCode(502).end();
                        }
                    });
        }
    }
}
