package io.herald.server.transport;

import io.herald.server.log.ThrottledLog;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The services mounted on a port, found by path: {@link HttpService}s and {@link WebSocketService}s; and
 * the translation between Netty's request/response and an HTTP service's.
 */
final class HttpServices {

    private static final Logger log = LoggerFactory.getLogger(HttpServices.class);
    /** A service that fails on every request must not write a stack trace per request. */
    private static final ThrottledLog failures = new ThrottledLog(log, Level.ERROR, "Service requests failed with 500");
    private static final byte[] INTERNAL_ERROR =
            "{\"error\":\"Internal Server Error\",\"description\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);

    private final List<HttpService> services = new CopyOnWriteArrayList<>();
    private final List<WebSocketService> webSockets = new CopyOnWriteArrayList<>();

    void mount(HttpService service) {
        services.add(service);
    }

    void mount(WebSocketService service) {
        webSockets.add(service);
    }

    /** The WebSocket service that takes upgrades on {@code path}, or {@code null}. */
    WebSocketService webSocket(String path) {
        for (WebSocketService service : webSockets) {
            if (service.handles(path)) {
                return service;
            }
        }
        return null;
    }

    /** The first service that handles {@code path}, or {@code null}. */
    HttpService find(String path) {
        for (HttpService service : services) {
            if (service.handles(path)) {
                return service;
            }
        }
        return null;
    }

    /**
     * Hands the request to {@code service}; the future completes with the response to write, a 500 if
     * the service failed. Called on the event loop; the service answers on a thread of its own.
     */
    static CompletableFuture<FullHttpResponse> handle(HttpService service, FullHttpRequest request, QueryStringDecoder uri,
                                                     String remoteAddress) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        HttpServiceRequest serviceRequest = new HttpServiceRequest(request.method().name(), uri.rawPath(),
                uri.parameters(), headers, ByteBufUtil.getBytes(request.content()), remoteAddress);
        CompletableFuture<HttpServiceResponse> answer;
        try {
            answer = service.handle(serviceRequest);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((response, error) -> {
            if (response == null) {
                failures.occurred(serviceRequest.method() + " " + serviceRequest.path(), error);
                response = new HttpServiceResponse(500, Map.of("Content-Type", "application/json"), INTERNAL_ERROR);
            }
            return toNetty(response);
        });
    }

    private static FullHttpResponse toNetty(HttpServiceResponse answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        return response;
    }
}
