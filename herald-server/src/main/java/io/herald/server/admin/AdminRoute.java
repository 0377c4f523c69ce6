package io.herald.server.admin;

import io.herald.server.transport.HttpServiceRequest;
import io.herald.server.transport.HttpServiceResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One admin API endpoint: a method and a path pattern (groups capture the path's parameters),
 * answered by a handler. Handlers run on the event loop: they answer at once from memory, or hand
 * blocking work (a database) to a thread of their own and complete the future from there.
 */
public record AdminRoute(String method, Pattern path, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        CompletableFuture<HttpServiceResponse> handle(HttpServiceRequest request, Matcher path);
    }

    public static AdminRoute of(String method, String pathRegex, Handler handler) {
        return new AdminRoute(method, Pattern.compile(pathRegex), handler);
    }
}
