package io.voyager.rollouts.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for Prometheus' query API with whatever the test scripts: a canned
 * body, a status, a stall, a body that never ends. Records each request's form and headers.
 */
public final class FakePrometheus implements AutoCloseable {
    /** Writes the response for one exchange. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** One request as the server saw it. */
    public record Request(String path, Map<String, String> form, Map<String, List<String>> headers) {}

    /** Each exchange's query; the exchange's own attributes live in its context, shared by concurrent requests. */
    private static final Map<HttpExchange, String> QUERIES = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-prometheus");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakePrometheus(Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = form(body);
                if (form.get("query") != null) {
                    QUERIES.put(exchange, form.get("query"));
                }
                requests.add(new Request(
                        exchange.getRequestURI().getPath(), form, Map.copyOf(exchange.getRequestHeaders())));
                responder.respond(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientWentAway) {
                // the client under test may hang up on purpose (timeouts, size caps)
            } finally {
                QUERIES.remove(exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public static FakePrometheus start(Responder responder) throws IOException {
        return new FakePrometheus(responder);
    }

    /** Answers every request with this status and JSON body. */
    public static FakePrometheus answering(int status, String body) throws IOException {
        return start(exchange -> send(exchange, status, body));
    }

    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The PromQL of the request being answered. */
    public static String query(HttpExchange exchange) {
        return QUERIES.get(exchange);
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
