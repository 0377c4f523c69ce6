package io.herald.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.api.ApiException;
import io.herald.server.log.ThrottledLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** HTTP responses with a JSON body, the shape of every answer and refusal the HTTP stages write. */
final class JsonResponse {

    private static final Logger log = LoggerFactory.getLogger(JsonResponse.class);
    /** A bug that every request of some shape meets must not write a stack trace per request. */
    private static final ThrottledLog failures = new ThrottledLog(log, Level.ERROR, "API requests failed with 500");

    private JsonResponse() {
    }

    static FullHttpResponse of(HttpResponseStatus status, JsonNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    /** {@code {"error": message}} */
    static FullHttpResponse error(HttpResponseStatus status, String message) {
        return of(status, errorBody(message));
    }

    /**
     * The answer to an API request that failed: an {@link ApiException}'s status and message, or a
     * logged 500 for anything else (a bug: the message stays in the log).
     */
    static FullHttpResponse failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ApiException refusal) {
            log.debug("Refused an API request with {}: {}", refusal.status(), refusal.getMessage());
            return error(HttpResponseStatus.valueOf(refusal.status()), refusal.getMessage());
        }
        failures.occurred("internal error", cause);
        return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    /** {@code {"error": message}}: the one place that builds the body of an HTTP refusal. */
    static JsonNode errorBody(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    /** Writes a refusal that ends the connection: {@code Connection: close}, then the socket closes. */
    static void refuseAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        FullHttpResponse response = error(status, message);
        HttpUtil.setKeepAlive(response, false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
