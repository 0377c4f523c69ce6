package io.herald.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.HeraldVersion;
import io.herald.server.api.ApiRequest;
import io.herald.server.api.ApiResponse;
import io.herald.server.api.ApiService;
import io.herald.server.metrics.AppMetrics;
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
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Routes HTTP requests: WebSocket upgrades become sessions, {@code /apps/…} goes to the API,
 * {@code /health} and {@code /ready} answer for load balancers, mounted {@link HttpService}s answer
 * their paths, anything else is a 404.
 * Reads the socket's next request only once the previous response is written (see
 * {@link HeraldChannelInitializer}).
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerState state;
    /** The Prometheus text on the metrics port, which serves nothing else; {@code null} on the main port. */
    private final Supplier<String> metricsPage;
    /** The last response is written and the next request hasn't come: keep asking for it. */
    private boolean awaitingRequest;

    /** The admin port's services, the only ones it serves (no Pusher protocol, no API); null on the main port. */
    private final HttpServices dedicated;

    HttpRequestHandler(ServerState state, Supplier<String> metricsPage, HttpServices dedicated) {
        this.dedicated = dedicated;
        this.state = state;
        this.metricsPage = metricsPage;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        readNextRequest(ctx);
        ctx.fireChannelActive();
    }

    private void readNextRequest(ChannelHandlerContext ctx) {
        awaitingRequest = true;
        ctx.read();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // With reading on demand, a read that brought no whole request must be asked for again.
        if (awaitingRequest) {
            ctx.read();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        awaitingRequest = false;
        if (!request.decoderResult().isSuccess()) {
            // The decoder has lost its place in the stream: nothing after this can be read.
            write(ctx, false, 400, JsonResponse.errorBody("malformed HTTP request"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.rawPath();
        if (metricsPage != null) {
            serveMetrics(ctx, request, path);
        } else if (dedicated != null) {
            serveDedicated(ctx, request, path, uri);
        } else if (isUpgrade(request)) {
            upgrade(ctx, request, path, uri);
        } else if (ApiService.handles(path)) {
            api(ctx, request, path, uri);
        } else if (state.services.find(path) != null) {
            serve(ctx, request, state.services.find(path), uri);
        } else if (!isRead(request.method())) {
            respond(ctx, request, 405, JsonResponse.errorBody("Use GET for " + path + ", not " + request.method()));
        } else if (path.equals("/health")) {
            respond(ctx, request, 200, JsonNodeFactory.instance.objectNode().put("status", "ok")
                    .put("version", HeraldVersion.current()));
        } else if (path.equals("/ready")) {
            respond(ctx, request, readiness());
        } else if (path.startsWith("/app/")) {
            respond(ctx, request, 400, JsonResponse.errorBody("WebSocket upgrade required at " + path));
        } else {
            respond(ctx, request, 404, JsonResponse.errorBody("Not found: " + path));
        }
    }

    /** The admin port: its own HTTP and WebSocket services (the admin API, the console), nothing else. */
    private void serveDedicated(ChannelHandlerContext ctx, FullHttpRequest request, String path, QueryStringDecoder uri) {
        HttpService service = dedicated.find(path);
        if (isUpgrade(request) && dedicated.webSocket(path) != null) {
            upgrade(ctx, request, path, uri);
        } else if (service != null) {
            serve(ctx, request, service, uri);
        } else {
            respond(ctx, request, 404, JsonResponse.errorBody("Not found: " + path + " (this port serves the admin API)"));
        }
    }

    /** {@code GET /metrics} in the Prometheus text format; the metrics port answers nothing else. */
    private void serveMetrics(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        if (!path.equals("/metrics")) {
            respond(ctx, request, 404, JsonResponse.errorBody("Not found: " + path + " (this port serves /metrics)"));
        } else if (!isRead(request.method())) {
            respond(ctx, request, 405, JsonResponse.errorBody("Use GET for /metrics, not " + request.method()));
        } else {
            FullHttpResponse page = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(metricsPage.get(), StandardCharsets.UTF_8));
            page.headers().set(HttpHeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, page.content().readableBytes());
            respond(ctx, request, page);
        }
    }

    /** 200 {"ready":true}, or 503 {"ready":false,"reasons":[…]} (see {@link ServerState#notReadyReasons()}). */
    private FullHttpResponse readiness() {
        List<String> reasons = state.notReadyReasons();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ready", reasons.isEmpty());
        if (!reasons.isEmpty()) {
            reasons.forEach(body.putArray("reasons")::add);
        }
        return JsonResponse.of(reasons.isEmpty() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body);
    }

    private static boolean isRead(HttpMethod method) {
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String path, QueryStringDecoder uri) {
        String problem = upgradeProblem(request);
        if (problem != null) {
            respond(ctx, request, 400, JsonResponse.errorBody(problem));
            return;
        }
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                (ctx.pipeline().get(SslHandler.class) != null ? "wss://" : "ws://") + host + path, null,
                state.webSocketDecoderConfig).newHandshaker(request);
        if (handshaker == null) {
            String supported = WebSocketVersion.V13.toHttpHeaderValue();
            FullHttpResponse response = JsonResponse.error(HttpResponseStatus.UPGRADE_REQUIRED,
                    "Unsupported Sec-WebSocket-Version " + request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION)
                            + "; this server speaks " + supported);
            response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, supported);
            write(ctx, HttpUtil.isKeepAlive(request), response);
            return;
        }
        WebSocketService service = (dedicated != null ? dedicated : state.services).webSocket(path);
        if (service != null) {
            upgradeTo(ctx, request, handshaker, service);
            return;
        }
        WebSocketSessionHandler session = new WebSocketSessionHandler(state);
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        ctx.pipeline()
                // Checks text frames, fragments included, before they are joined; bad UTF-8 closes with 1007.
                .addAfter(ctx.name(), "ws-utf8", new Utf8FrameValidator(false))
                .addAfter("ws-utf8", "ws-aggregator", new WebSocketFrameAggregator(state.options.maxFrameSize()))
                .addAfter("ws-aggregator", "activity", new ActivityHandler(state.options.activityTimeout(),
                        state.options.pongTimeout()))
                .addAfter("activity", "session", session)
                .remove(this);
        // The handshaker adds the WebSocket codec and drops the HTTP one once its 101 is written; that
        // 101 waits for the session's first frame, so both leave in one write.
        ChannelFuture handshake = HeldFlush.around(ctx.pipeline(), () -> handshaker.handshake(ctx.channel(), request));
        handshake.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (handshake.isDone() && !handshake.isSuccess()) {
            return;
        }
        // The rest of the HTTP stages go now: frames that arrive before the HTTP codec is gone pass it untouched.
        HeraldChannelInitializer.leaveHttp(ctx.pipeline());
        session.start(ctx.channel(), path, uri.parameters(), origin);
    }

    /** Hands the socket to a mounted {@link WebSocketService} once the handshake is written. */
    private void upgradeTo(ChannelHandlerContext ctx, FullHttpRequest request, WebSocketServerHandshaker handshaker,
                           WebSocketService service) {
        ctx.pipeline()
                .addAfter(ctx.name(), "ws-utf8", new Utf8FrameValidator(false))
                .addAfter("ws-utf8", "ws-aggregator", new WebSocketFrameAggregator(service.maxFrameSize()))
                .remove(this);
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                ctx.pipeline().addLast("ws-service", service.newSession());
                HeraldChannelInitializer.leaveHttp(ctx.pipeline());
            } else {
                ctx.close();
            }
        });
    }

    /** Why an upgrade request can't be answered with a handshake (RFC 6455 §4.2.1), or null. */
    private static String upgradeProblem(FullHttpRequest request) {
        if (!request.method().equals(HttpMethod.GET)) {
            return "A WebSocket upgrade must be a GET, not " + request.method();
        }
        if (!request.headers().contains(HttpHeaderNames.SEC_WEBSOCKET_VERSION)) {
            return "WebSocket upgrade without a Sec-WebSocket-Version header (this server speaks 13)";
        }
        String key = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (key == null || key.isBlank()) {
            return "WebSocket upgrade without a Sec-WebSocket-Key header";
        }
        return null;
    }

    private void api(ChannelHandlerContext ctx, FullHttpRequest request, String path, QueryStringDecoder uri) {
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> e : uri.parameters().entrySet()) {
            query.put(e.getKey(), e.getValue().get(0));
        }
        ApiRequest apiRequest = new ApiRequest(request.method().name(), path, query,
                ByteBufUtil.getBytes(request.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        long startedAt = System.nanoTime();
        AppMetrics metrics = ApiService.appId(path).flatMap(state.apps::findById)
                .map(app -> state.metrics.forApp(app.id())).orElse(null); // unknown apps get no label of their own
        if (metrics != null) {
            LogContext.enterApp(metrics.appId());
        }
        CompletableFuture<ApiResponse> handled;
        try {
            handled = state.api.handle(apiRequest);
        } finally {
            LogContext.exit();
        }
        handled.whenComplete((response, error) -> {
            if (metrics != null) {
                LogContext.enterApp(metrics.appId()); // a refusal is logged as it is written
            }
            FullHttpResponse answer;
            try {
                answer = response != null
                        ? JsonResponse.of(HttpResponseStatus.valueOf(response.status()), response.body())
                        : JsonResponse.failure(error);
            } finally {
                LogContext.exit();
            }
            if (metrics != null) {
                metrics.apiCall(apiRequest.body().length, answer.content().readableBytes(), startedAt);
                if (answer.status().equals(HttpResponseStatus.TOO_MANY_REQUESTS)) {
                    metrics.apiRateLimited();
                }
            }
            write(ctx, keepAlive, answer);
        });
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request, HttpService service, QueryStringDecoder uri) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
        HttpServices.handle(service, request, uri, remote).whenComplete((response, error) -> write(ctx, keepAlive, response));
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        write(ctx, HttpUtil.isKeepAlive(request), response);
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, int status, JsonNode body) {
        write(ctx, HttpUtil.isKeepAlive(request), status, body);
    }

    private void write(ChannelHandlerContext ctx, boolean keepAlive, int status, JsonNode body) {
        write(ctx, keepAlive, JsonResponse.of(HttpResponseStatus.valueOf(status), body));
    }

    private void write(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            // The next request is read only now: a client that doesn't read its answers stops being read.
            written.addListener(done -> {
                if (done.isSuccess()) {
                    readNextRequest(ctx);
                }
            });
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
