package io.herald.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint on 127.0.0.1 that records every event it receives as "name channel [user]". */
final class WebhookLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> events = new CopyOnWriteArrayList<>();

    WebhookLog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    WebhookEndpoint endpoint() {
        return WebhookEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks",
                WebhookType.CHANNEL_OCCUPIED, WebhookType.CHANNEL_VACATED, WebhookType.MEMBER_ADDED,
                WebhookType.MEMBER_REMOVED);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            for (JsonNode event : body.path("events")) {
                String user = event.hasNonNull("user_id") ? " " + event.get("user_id").asText() : "";
                events.add(event.path("name").asText() + " " + event.path("channel").asText() + user);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** Every event so far, in arrival order. */
    List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
