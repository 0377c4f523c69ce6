package io.herald.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.api.ApiRequest;
import io.herald.server.api.ApiResponse;
import io.herald.server.api.ApiService;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes HTTP requests: WebSocket upgrades become sessions, {@code /apps/…} goes to the API,
 * {@code /health} and {@code /ready} answer for load balancers, mounted {@link HttpService}s answer
 * their paths, anything else is a 404.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final ServerState state;

    HttpRequestHandler(ServerState state) {
        this.state = state;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, 400, error("malformed HTTP request"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.rawPath();
        if (isUpgrade(request)) {
            upgrade(ctx, request, path, uri);
        } else if (path.equals("/health")) {
            respond(ctx, request, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
        } else if (path.equals("/ready")) {
            boolean ready = state.isReady();
            respond(ctx, request, ready ? 200 : 503, JsonNodeFactory.instance.objectNode().put("ready", ready));
        } else if (ApiService.handles(path)) {
            api(ctx, request, path, uri);
        } else if (state.services.find(path) != null) {
            HttpServices.serve(state.services.find(path), ctx, request, uri);
        } else if (path.startsWith("/app/")) {
            respond(ctx, request, 400, error("WebSocket upgrade required at " + path));
        } else {
            respond(ctx, request, 404, error("Not found: " + path));
        }
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String path, QueryStringDecoder uri) {
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + host + path, null, state.webSocketDecoderConfig).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        WebSocketSessionHandler session = new WebSocketSessionHandler(state);
        ctx.pipeline()
                .addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(state.options.maxFrameSize()))
                .addAfter("ws-aggregator", "activity", new ActivityHandler(state.options.activityTimeout(),
                        state.options.pongTimeout()))
                .addAfter("activity", "session", session)
                .remove(this);
        // The handshaker swaps the HTTP codec for the WebSocket one and drops the aggregator.
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                // Its 101 response is written: a WebSocket has no more HTTP requests to count.
                ctx.pipeline().remove(InFlightRequests.class);
                session.start(ctx.channel(), path, uri.parameters());
            } else {
                ctx.close();
            }
        });
    }

    private void api(ChannelHandlerContext ctx, FullHttpRequest request, String path, QueryStringDecoder uri) {
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> e : uri.parameters().entrySet()) {
            query.put(e.getKey(), e.getValue().get(0));
        }
        ApiRequest apiRequest = new ApiRequest(request.method().name(), path, query,
                ByteBufUtil.getBytes(request.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        state.api.handle(apiRequest).whenComplete((response, error) -> {
            ApiResponse r = response != null ? response : new ApiResponse(500, error("internal error"));
            write(ctx, keepAlive, r.status(), r.body());
        });
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, int status, JsonNode body) {
        write(ctx, HttpUtil.isKeepAlive(request), status, body);
    }

    private static ChannelFuture write(ChannelHandlerContext ctx, boolean keepAlive, int status, JsonNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }

    private static JsonNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
