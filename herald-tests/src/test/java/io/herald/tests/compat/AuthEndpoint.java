package io.herald.tests.compat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's channel authorization endpoint, as a real HTTP server on 127.0.0.1: it reads the
 * form pusher-java-client posts ({@code socket_id}, {@code channel_name}) and answers with what
 * pusher-http-java's {@code authenticate} returns. The user a client acts as is chosen by the
 * {@code user_id} query parameter of its endpoint URL; its user info is {@code {"name": "User <id>"}}.
 */
final class AuthEndpoint implements AutoCloseable {

    private static final String PATH = "/pusher/auth";

    private final HttpServer http;
    private final Pusher signer;
    private final AtomicInteger authorizations = new AtomicInteger();

    private AuthEndpoint(Pusher signer) throws IOException {
        this.signer = signer;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext(PATH, this::handle);
        http.start();
    }

    /** Starts an endpoint that signs with {@code signer}'s app credentials (and master key, if it has one). */
    static AuthEndpoint start(Pusher signer) throws IOException {
        return new AuthEndpoint(signer);
    }

    /** The endpoint URL for a client acting as {@code userId}. */
    String url(String userId) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + PATH + "?user_id=" + userId;
    }

    /** How many channels this endpoint has authorized. */
    int authorizations() {
        return authorizations.get();
    }

    /** Runs on the HTTP server's dispatcher thread. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String userId = parseForm(exchange.getRequestURI().getRawQuery()).get("user_id");
            String socketId = form.get("socket_id");
            String channel = form.get("channel_name");
            String answer;
            int status = 200;
            try {
                answer = channel.startsWith("presence-")
                        ? signer.authenticate(socketId, channel, new PresenceUser(userId, Map.of("name", "User " + userId)))
                        : signer.authenticate(socketId, channel);
                authorizations.incrementAndGet();
            } catch (RuntimeException e) {
                status = 403;
                answer = "{\"error\":\"" + e.getMessage() + "\"}";
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> parseForm(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
