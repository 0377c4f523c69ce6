package io.herald.server.transport;

import java.util.concurrent.CompletableFuture;

/**
 * An extra HTTP service mounted beside the Channels API (push notifications, later others), found by
 * path prefix. The server knows it only through this interface, so the service's own types
 * (databases, HTTP clients) never appear in the server.
 *
 * <p>{@link #handle} is called on the socket's event loop: it must not block. It hands real work to
 * its own threads and completes the future from any thread; the response is written when it does.
 */
public interface HttpService {

    /** Whether this service answers requests for {@code path} (the raw path, without the query). */
    boolean handles(String path);

    /**
     * Answers one request. A future that fails is answered with a 500; the service should turn its
     * own refusals into responses instead.
     */
    CompletableFuture<HttpServiceResponse> handle(HttpServiceRequest request);
}
