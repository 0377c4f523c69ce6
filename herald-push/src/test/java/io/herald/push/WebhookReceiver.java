package io.herald.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server receiving webhooks on 127.0.0.1, answering each with the next planned answer (200 after). */
final class WebhookReceiver implements AutoCloseable {

    /** An answer never sent: the receiver holds the request until the sender gives up. */
    static final int HANG = -1;
    /** 200 at once, then a body that never ends: a byte every 100 ms for a minute. */
    static final int DRIBBLE = -2;

    /** One webhook as received; {@code raw} is the body's text, as signed. */
    record Hook(String path, Map<String, String> headers, JsonNode body, String raw) {
    }

    private final HttpServer server;
    private final BlockingQueue<Hook> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> planned = new ConcurrentLinkedQueue<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::receive);
        server.start();
    }

    /** A URL of this receiver; {@code credentials} ("user:password") go in the URL's user info. */
    String url(String credentials, String path) {
        return "http://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:"
                + server.getAddress().getPort() + path;
    }

    /** The next requests get these statuses, in order ({@link #HANG}: no answer). */
    void plan(Integer... statuses) {
        planned.addAll(java.util.List.of(statuses));
    }

    Hook next(Duration wait) throws InterruptedException {
        Hook hook = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (hook == null) {
            throw new AssertionError("no webhook within " + wait);
        }
        return hook;
    }

    Hook poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            headers.put("Method", exchange.getRequestMethod());
            received.add(new Hook(exchange.getRequestURI().toString(), headers, PushHttp.JSON.readTree(body),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            Integer status = planned.poll();
            if (status != null && status == HANG) {
                Thread.sleep(10_000);
                return;
            }
            if (status != null && status == DRIBBLE) {
                exchange.sendResponseHeaders(200, 0); // chunked
                for (int i = 0; i < 600; i++) {
                    exchange.getResponseBody().write('.');
                    exchange.getResponseBody().flush();
                    Thread.sleep(100);
                }
                return;
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
