package io.herald.server.session;

import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.ProtocolException;
import io.herald.server.app.App;
import io.herald.server.message.Frames;
import io.herald.server.metrics.AppMetrics;
import io.herald.server.user.UserConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client's WebSocket session: its socket id, app, subscriptions, signed-in user and watchlist,
 * and client-event budget.
 * Subscription state and fan-out writes are touched only on the socket's event loop; {@link #send}
 * and {@link #close} may be called from any thread.
 */
public final class Connection implements UserConnection {

    /** How long a closing peer has to read its close frame. */
    public static final int CLOSE_GRACE_SECONDS = 5;
    private static final int MAX_CLOSE_REASON_BYTES = 123;
    /** Fan-out frames up to this size are copied into the turn's batch; larger ones are shared. */
    private static final int BATCHED_FRAME_MAX_BYTES = 1024;
    /** A batch's first capacity: room for a handful of small events before it grows. */
    private static final int BATCH_START_BYTES = 1024;

    private final String socketId;
    /** Replaced when the app's settings change (a rotated secret, new limits); its id never changes. */
    private volatile App app;
    private final Channel socket;
    /**
     * Where fan-out writes its frames, already encoded: the WebSocket encoder's place in the pipeline,
     * so they skip the handlers behind it (TLS, ahead of it, still applies); the socket if there is none.
     */
    private final ChannelOutboundInvoker frames;
    private final AppMetrics metrics;
    /** The browser's Origin header, {@code null} for clients that send none. */
    private final String origin;
    /**
     * Channel name → presence user id the connection joined as ({@code null} for other types). Sized
     * for the usual one or two channels (a default HashMap's first table has 16 slots); it grows as needed.
     */
    private final Map<String, String> subscriptions = new HashMap<>(2);
    /** Made on the first client event: most connections never send one. */
    private ClientEventRateLimiter clientEventLimiter;
    /** The user this connection signed in as, or {@code null}; set once, on the event loop. */
    private String userId;
    private List<String> watchlist = List.of();
    /**
     * A run of this turn's fan-out frames that lie one after another in the loop's turn buffer, bytes
     * {@code [sharedStart, sharedEnd)} of {@code shared}: sent as one slice of the buffer that every
     * subscriber with the same run shares, with no copy. Only a connection with nothing queued starts
     * one, so a reader that falls behind holds copies of its own, not turn buffers. Event loop only.
     */
    private ByteBuf shared;
    private int sharedStart;
    private int sharedEnd;
    /**
     * This turn's small fan-out frames that don't make a run (the connection missed some of the turn's
     * events, or had data queued already), copied one after another so the socket still gets them in one
     * write: a shared slice per frame would cost an outbound-buffer entry, an iovec and two atomic
     * reference-count updates. Never set together with {@link #shared}. Event loop only.
     */
    private ByteBuf batch;
    /** Whether {@link #write} queued frames that no {@link #flush} has sent yet. Event loop only. */
    private boolean unflushed;
    /** Set once the connection is being closed: further frames are dropped, not queued. */
    private volatile boolean closing;

    public Connection(String socketId, App app, Channel socket, AppMetrics metrics) {
        this(socketId, app, socket, metrics, null);
    }

    /** @param origin the handshake's Origin header, or {@code null} */
    public Connection(String socketId, App app, Channel socket, AppMetrics metrics, String origin) {
        this.origin = origin;
        this.socketId = socketId;
        this.app = app;
        this.socket = socket;
        ChannelHandlerContext encoder = socket.pipeline().context(WebSocketFrameEncoder.class);
        this.frames = encoder != null ? encoder : socket;
        this.metrics = metrics;
    }

    @Override
    public String socketId() {
        return socketId;
    }

    public App app() {
        return app;
    }

    /** The handshake's Origin header, or {@code null}. */
    public String origin() {
        return origin;
    }

    /** The peer's IP address (the proxy's, behind one), or {@code null} once the socket is gone. */
    public String remoteAddress() {
        return socket.remoteAddress() instanceof java.net.InetSocketAddress address
                ? address.getAddress().getHostAddress() : null;
    }

    /** The channels joined, as of now. Event loop only ({@link #executor()}). */
    public List<String> channels() {
        return List.copyOf(subscriptions.keySet());
    }

    /** The app's settings as changed through the admin API or a reload; same id. */
    public void useApp(App changed) {
        this.app = changed;
    }

    /** The app's counters (fan-out counts its writes itself, in bulk). */
    public AppMetrics metrics() {
        return metrics;
    }

    @Override
    public EventExecutor executor() {
        return socket.eventLoop();
    }

    @Override
    public boolean write(ByteBuf turnBuffer, int offset, int length) {
        if (closing) {
            return false;
        }
        if (batch == null && turnBuffer == shared && offset == sharedEnd) {
            sharedEnd += length; // the run goes on
        } else if (batch == null && (shared == null ? pendingBytes() == 0 : turnBuffer != shared)) {
            writeQueued(); // a run in the turn's previous buffer goes first
            shared = turnBuffer;
            sharedStart = offset;
            sharedEnd = offset + length;
        } else {
            copy(turnBuffer, offset, length);
        }
        if (pendingBytes() > socket.config().getWriteBufferLowWaterMark()) {
            // Past half the outbound limit before the loop's turn ends: send now, so that a burst
            // larger than the limit never makes a reader that keeps up look like one that can't.
            flush();
            return false;
        }
        if (unflushed) {
            return false;
        }
        unflushed = true;
        return true;
    }

    /** Queues a frame in this turn's batch; a large one, which costs more to copy than to share, as a slice. */
    private void copy(ByteBuf turnBuffer, int offset, int length) {
        if (shared != null) { // the run ends here: it goes into the batch ahead of this frame
            batch = socket.alloc().directBuffer(Math.max(BATCH_START_BYTES, sharedEnd - sharedStart + length));
            batch.writeBytes(shared, sharedStart, sharedEnd - sharedStart);
            shared = null;
        }
        if (length <= BATCHED_FRAME_MAX_BYTES) {
            if (batch == null) {
                batch = socket.alloc().directBuffer(Math.max(BATCH_START_BYTES, length));
            }
            batch.writeBytes(turnBuffer, offset, length);
        } else {
            writeQueued();
            frames.write(turnBuffer.retainedSlice(offset, length), socket.voidPromise());
        }
    }

    /** Bytes queued for the socket and not yet sent: the outbound buffer's and this turn's run or batch. */
    private long pendingBytes() {
        ChannelOutboundBuffer outbound = socket.unsafe().outboundBuffer(); // none once closed
        long queued = outbound == null ? 0 : outbound.totalPendingWriteBytes();
        if (shared != null) {
            queued += sharedEnd - sharedStart;
        }
        return batch == null ? queued : queued + batch.readableBytes();
    }

    @Override
    public void flush() {
        unflushed = false;
        if (closing) {
            dropQueued(); // the close frame has gone out: nothing may follow it
        } else {
            writeQueued();
        }
        frames.flush(); // from the encoder down, like the frames themselves
    }

    /** Hands this turn's run or batch to the socket, ahead of whatever is written next. Event loop only. */
    private void writeQueued() {
        if (shared != null) {
            frames.write(shared.retainedSlice(sharedStart, sharedEnd - sharedStart), socket.voidPromise());
            shared = null;
        }
        if (batch != null) {
            frames.write(batch, socket.voidPromise());
            batch = null;
        }
    }

    private void dropQueued() {
        shared = null; // a run holds no reference until it is written
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    @Override
    public void send(TextWebSocketFrame frame) {
        if (closing) {
            frame.release();
            return;
        }
        metrics.sent(1, frame.content().readableBytes());
        if (socket.eventLoop().inEventLoop()) {
            writeQueued(); // fan-out frames queued earlier in this turn go first
        }
        socket.writeAndFlush(frame, socket.voidPromise());
    }

    /**
     * The one answer to a protocol error: reports it with {@code pusher:error} and, when
     * {@link ProtocolException#closesConnection()}, closes the WebSocket with its code (see {@link #close}).
     */
    public void reject(ProtocolException problem) {
        if (problem.closesConnection()) {
            close(problem.code(), problem.getMessage());
        } else {
            send(Frames.error(problem.getMessage(), problem.code() == null ? null : problem.code().code()));
        }
    }

    /**
     * Reports {@code code} with {@code pusher:error}, then closes the WebSocket with the same code so
     * clients that only watch close codes (pusher-js) react the right way. Safe from any thread.
     */
    public void close(ErrorCode code, String message) {
        if (!closing) {
            closing = true;
            if (socket.eventLoop().inEventLoop()) {
                writeQueued(); // what was queued before the close still goes ahead of it
            }
            closeSocket(socket, code, message);
        }
    }

    /**
     * Closes any WebSocket, with or without a {@link Connection}, the way {@link #close} does. The
     * close frame queues behind what is already buffered; a peer that doesn't read it within
     * {@link #CLOSE_GRACE_SECONDS} has its socket closed regardless.
     */
    public static void closeSocket(Channel socket, ErrorCode code, String message) {
        socket.write(Frames.error(message, code.code()), socket.voidPromise());
        socket.writeAndFlush(new CloseWebSocketFrame(code.code(), closeReason(code, message)))
                .addListener(ChannelFutureListener.CLOSE);
        socket.eventLoop().schedule(() -> {
            socket.close();
        }, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A close frame's reason must fit in {@value #MAX_CLOSE_REASON_BYTES} bytes (RFC 6455 §5.5) or
     * clients drop the frame as invalid; a longer message still goes out whole in {@code pusher:error}.
     */
    private static String closeReason(ErrorCode code, String message) {
        return message.getBytes(StandardCharsets.UTF_8).length <= MAX_CLOSE_REASON_BYTES ? message : code.defaultMessage();
    }

    /** Ends the connection with 4009 because the app terminated the user's connections. */
    @Override
    public void terminate() {
        close(ErrorCode.UNAUTHORIZED, "Connection terminated by the app");
    }

    /** The signed-in user's id, or {@code null}. Event loop only. */
    public String userId() {
        return userId;
    }

    List<String> watchlist() {
        return watchlist;
    }

    void signIn(String userId, List<String> watchlist) {
        this.userId = userId;
        this.watchlist = List.copyOf(watchlist);
    }

    /**
     * Whether the connection has proved who it is: it signed in or joined a channel that needs a
     * signature. Apps in authorized-connections mode close connections that haven't in time.
     */
    public boolean isAuthorized() {
        if (userId != null) {
            return true;
        }
        for (String channel : subscriptions.keySet()) {
            ChannelType type = ChannelName.typeOf(channel);
            if (type.requiresAuthorization() || type == ChannelType.SERVER_TO_USER) {
                return true;
            }
        }
        return false;
    }

    boolean isSubscribed(String channel) {
        return subscriptions.containsKey(channel);
    }

    /** The presence user id this connection joined {@code channel} as, or {@code null}. */
    String presenceUserId(String channel) {
        return subscriptions.get(channel);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    void addSubscription(String channel, String presenceUserId) {
        subscriptions.put(channel, presenceUserId);
    }

    /** Removes a subscription; returns whether there was one. */
    boolean removeSubscription(String channel) {
        if (!subscriptions.containsKey(channel)) {
            return false;
        }
        subscriptions.remove(channel);
        return true;
    }

    Map<String, String> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    /** Event loop only. */
    ClientEventRateLimiter clientEventLimiter() {
        if (clientEventLimiter == null) {
            clientEventLimiter = new ClientEventRateLimiter(app.limits().clientEventsPerSecond());
        }
        return clientEventLimiter;
    }

    @Override
    public String toString() {
        return "Connection[" + socketId + ", app=" + app.id() + "]";
    }
}
