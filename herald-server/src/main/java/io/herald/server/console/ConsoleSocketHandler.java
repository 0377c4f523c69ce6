package io.herald.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.admin.AdminAccess;
import io.herald.server.app.AppStore;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One console's feed socket ({@code /console/feed}). Its first message logs in and picks the app,
 * {@code {"token": "<admin token>", "app": "<app id>"}} (the token never appears in a URL or a log);
 * the server answers {@code {"type":"watching","app":…}} and then streams entries, one JSON object
 * per text frame. Refusals close the socket: 4400 bad first message, 4401 wrong token, 4404 no such
 * app, 4408 no login within {@link #LOGIN_TIMEOUT_SECONDS} s, 4429 too many consoles on this node.
 * The server pings every {@link #PING_EVERY_SECONDS} s and closes a socket silent for three times that.
 * Runs on the socket's event loop.
 */
final class ConsoleSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    static final int LOGIN_TIMEOUT_SECONDS = 10;
    static final int PING_EVERY_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminAccess access;
    private final AppStore apps;
    private final ConsoleFeed feed;
    private ConsoleWatcher watcher;
    private long lastHeard = System.nanoTime();
    private ScheduledFuture<?> loginTimeout;
    private ScheduledFuture<?> pings;

    ConsoleSocketHandler(AdminAccess access, AppStore apps, ConsoleFeed feed) {
        this.access = access;
        this.apps = apps;
        this.feed = feed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        loginTimeout = ctx.executor().schedule(() -> refuse(ctx, 4408, "log in within " + LOGIN_TIMEOUT_SECONDS + " s"),
                LOGIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        pings = ctx.executor().scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastHeard > TimeUnit.SECONDS.toNanos(3L * PING_EVERY_SECONDS)) {
                ctx.close();
            } else {
                ctx.writeAndFlush(new PingWebSocketFrame(), ctx.voidPromise());
            }
        }, PING_EVERY_SECONDS, PING_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        lastHeard = System.nanoTime();
        if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
        } else if (frame instanceof TextWebSocketFrame text && watcher == null) {
            logIn(ctx, text.text());
        }
        // Anything later (pongs, text after the login) only counts as being alive.
    }

    private void logIn(ChannelHandlerContext ctx, String text) {
        JsonNode login;
        try {
            login = JSON.readTree(text);
        } catch (IOException e) {
            login = null;
        }
        if (login == null || !login.isObject() || !login.path("token").isTextual() || !login.path("app").isTextual()) {
            refuse(ctx, 4400, "first message: {\"token\": \"<admin token>\", \"app\": \"<app id>\"}");
            return;
        }
        if (!access.permitsToken(login.get("token").asText())) {
            refuse(ctx, 4401, "admin token refused");
            return;
        }
        String appId = login.get("app").asText();
        if (apps.findById(appId).isEmpty()) {
            refuse(ctx, 4404, "no app with id " + appId);
            return;
        }
        watcher = feed.watch(appId, ctx.channel());
        if (watcher == null) {
            refuse(ctx, 4429, "this node already streams to its console-max-watchers consoles");
            return;
        }
        loginTimeout.cancel(false);
        ctx.writeAndFlush(new TextWebSocketFrame(JsonNodeFactory.instance.objectNode()
                .put("type", "watching").put("app", appId).toString()), ctx.voidPromise());
    }

    private void refuse(ChannelHandlerContext ctx, int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (watcher != null && ctx.channel().isWritable()) {
            watcher.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        loginTimeout.cancel(false);
        pings.cancel(false);
        if (watcher != null) {
            feed.unwatch(watcher);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
