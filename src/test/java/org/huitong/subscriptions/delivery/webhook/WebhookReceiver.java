package org.huitong.subscriptions.delivery.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A subscriber's webhook for tests: an HTTPS server on loopback that records every request. It
 * responds on each path with the statuses a test queues for it, then with its default status.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as the server received it. */
    record Received(String path, Map<String, List<String>> headers, String body, int answeredStatus) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpsServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> nextStatuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> defaultStatuses = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    WebhookReceiver(SSLContext serverContext) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Returns the URL of {@code path} on this server, by loopback IP address. */
    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Queues statuses for the next requests on {@code path}, in order. */
    void answerNext(String path, Integer... statuses) {
        nextStatuses.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
    }

    /** Sets the status of requests on {@code path} once the queued ones are used; 200 until set. */
    void setDefaultStatus(String path, int status) {
        defaultStatuses.put(path, status);
    }

    /** Makes the server wait this long before it responds to a request on {@code path}. */
    void setDelay(String path, long millis) {
        delays.put(path, millis);
    }

    /** Returns the requests received on {@code path}, in arrival order. */
    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        ConcurrentLinkedQueue<Integer> queued = nextStatuses.get(path);
        Integer next = queued == null ? null : queued.poll();
        int status = next != null ? next : defaultStatuses.getOrDefault(path, 200);
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, status));
        try {
            Thread.sleep(delays.getOrDefault(path, 0L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
