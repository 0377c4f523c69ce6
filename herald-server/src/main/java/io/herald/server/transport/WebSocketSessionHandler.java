package io.herald.server.transport;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.ProtocolException;
import io.herald.protocol.ProtocolVersion;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.message.Frames;
import io.herald.server.session.Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket after the handshake: admits it (app, protocol version, quota), then passes its
 * frames to the {@code ClientMessageHandler} and cleans up when it closes.
 */
final class WebSocketSessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(WebSocketSessionHandler.class);
    private static final String APP_PATH = "/app/";

    private final ServerState state;
    private Connection connection;
    /** Set once a frame failed to decode: the socket is closing and later frames are dropped. */
    private boolean corrupted;

    WebSocketSessionHandler(ServerState state) {
        this.state = state;
    }

    /** Called once the handshake is written: admits the socket or closes it with the reason's code. */
    void start(Channel socket, String path, Map<String, List<String>> query, String origin) {
        Connection admitted;
        try {
            admitted = admit(socket, path, query, origin);
        } catch (ProtocolException refused) {
            Connection.closeSocket(socket, refused.code(), refused.getMessage());
            return;
        }
        connection = admitted;
        admitted.metrics().connected();
        state.messages.onOpen(admitted);
        App app = admitted.app();
        if (app.requiresAuthorizedConnections()) {
            socket.eventLoop().schedule(() -> {
                if (!admitted.isAuthorized()) {
                    admitted.close(ErrorCode.UNAUTHORIZED, "Connection not authorized within "
                            + app.authorizedConnectionsTimeout().toMillis() + " ms: sign in or join an authorized channel");
                }
            }, app.authorizedConnectionsTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("socket_id", admitted.socketId())
                .put("activity_timeout", state.options.activityTimeout().toSeconds());
        admitted.send(Frames.event(PusherEvents.CONNECTION_ESTABLISHED, data));
    }

    /** The socket's connection, counted against its app's quota; throws why it can't have one. */
    private Connection admit(Channel socket, String path, Map<String, List<String>> query, String origin) {
        if (!path.startsWith(APP_PATH) || path.length() == APP_PATH.length() || path.indexOf('/', APP_PATH.length()) >= 0) {
            throw new ProtocolException(ErrorCode.PATH_NOT_FOUND, "Path not found: " + path + " (expected /app/{key})");
        }
        String key = path.substring(APP_PATH.length());
        App app = state.apps.findByKey(key).orElseThrow(
                () -> new ProtocolException(ErrorCode.APP_NOT_FOUND, "Application does not exist: " + key));
        if (!app.enabled()) {
            throw ProtocolException.of(ErrorCode.APP_DISABLED);
        }
        // Browsers always send Origin; other clients (servers, apps) send none and are not checked.
        if (origin != null && !app.allowedOrigins().allows(origin)) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Origin not allowed: " + origin
                    + " (add it to the app's allowed-origins)");
        }
        List<String> protocol = query.get("protocol");
        ProtocolException versionProblem = ProtocolVersion.problem(protocol == null ? null : protocol.get(0));
        if (versionProblem != null) {
            throw versionProblem;
        }
        Connection admitted = new Connection(state.socketIds.next(), app, socket, state.metrics.forApp(app.id()), origin);
        if (!state.connections.tryAdd(admitted)) {
            throw new ProtocolException(ErrorCode.OVER_CONNECTION_QUOTA,
                    "Application is over its connection quota of " + app.maxConnections());
        }
        // An app changed while this connection was admitted: the change went over the connections before
        // this one was added, so apply it here (added first, then read: one of the two sees the other).
        App current = state.apps.findById(app.id()).orElse(null);
        if (current != app) {
            if (current == null || !current.enabled()) {
                state.connections.remove(admitted);
                throw ProtocolException.of(current == null ? ErrorCode.APP_NOT_FOUND : ErrorCode.APP_DISABLED);
            }
            admitted.useApp(current);
        }
        return admitted;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (corrupted) {
            return; // decoded from the same read as a corrupt frame: the socket is closing
        }
        if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
        } else if (frame instanceof PongWebSocketFrame) {
            // counts as activity (ActivityHandler); nothing else to do
        } else if (connection == null) {
            // frames that raced the refusal of this socket: it is closing
        } else if (frame instanceof TextWebSocketFrame text) {
            connection.metrics().received(text.content().readableBytes());
            LogContext.enter(connection);
            try {
                state.messages.onMessage(connection, text.text());
            } finally {
                LogContext.exit();
            }
        } else if (frame instanceof BinaryWebSocketFrame) {
            connection.reject(ProtocolException.invalidMessage("Binary frames are not supported; send JSON text frames"));
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && connection != null) {
            log.info("Closing {}: over {} bytes of unsent data", connection, state.options.outboundBufferLimit());
            connection.close(ErrorCode.OVER_CAPACITY, "Subscriber can't keep up: over "
                    + state.options.outboundBufferLimit() + " bytes waiting to be sent");
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            state.connections.remove(connection);
            connection.metrics().disconnected();
            LogContext.enter(connection);
            try {
                state.messages.onClose(connection);
            } finally {
                LogContext.exit();
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof PrematureChannelClosureException) {
            return; // the peer hung up in the middle of a fragmented message: nothing is wrong here
        }
        if (cause instanceof ProtocolException problem) {
            // From ActivityHandler: no pong came.
            if (connection != null) {
                connection.reject(problem);
            } else {
                Connection.closeSocket(ctx.channel(), problem.code(), problem.getMessage()); // not admitted
            }
            return;
        }
        WebSocketCloseStatus status = closeStatus(cause);
        if (status == null) {
            log.debug("Closing {} after an error", connection, cause);
            ctx.close();
            return;
        }
        if (corrupted) {
            return; // already closing
        }
        // The stream can't be trusted past a bad frame: say why, close with RFC 6455's status
        // (1002 protocol error, 1007 bad UTF-8, 1009 too big) and act on nothing more it carries.
        corrupted = true;
        ctx.channel().config().setAutoRead(false);
        String message = status.code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
                ? "Frame larger than " + state.options.maxFrameSize() + " bytes"
                : "Invalid WebSocket frame: " + cause.getMessage();
        ctx.write(Frames.error(message, null), ctx.voidPromise());
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
        // A peer that never reads would keep the close frame unsent, and the socket open, forever.
        ctx.executor().schedule(() -> ctx.close(), Connection.CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** The close status for a frame the decoders refused, or {@code null} for any other error. */
    private static WebSocketCloseStatus closeStatus(Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            return WebSocketCloseStatus.MESSAGE_TOO_BIG; // from the frame aggregator
        }
        if (cause instanceof CorruptedWebSocketFrameException corrupt) {
            return corrupt.closeStatus() != null ? corrupt.closeStatus() : WebSocketCloseStatus.PROTOCOL_ERROR;
        }
        return null;
    }
}
