package io.herald.client;

import com.sun.net.httpserver.HttpServer;
import io.herald.testkit.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * An app's auth endpoint on 127.0.0.1 for tests: reads the form pusher-js posts and answers with what
 * {@code signer} returns for (socket id, channel), or 403 when it returns {@code null}.
 */
final class AuthEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    AuthEndpoint(BiFunction<String, String, String> signer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/auth", exchange -> {
            requests.incrementAndGet();
            Map<String, String> form = ApiClient.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body = "application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    ? signer.apply(form.get("socket_id"), form.get("channel_name")) : null;
            byte[] bytes = (body == null ? "{\"error\":\"forbidden\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 403 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/auth");
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
