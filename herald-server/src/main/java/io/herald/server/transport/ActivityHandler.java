package io.herald.server.transport;

import io.herald.protocol.ErrorCode;
import io.herald.protocol.ProtocolException;
import io.herald.server.session.ClientMessageHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps silent connections honest. When nothing has arrived for the activity timeout, sends
 * {@code pusher:ping}; if still nothing arrives within the pong timeout, passes on a 4201
 * {@link ProtocolException} for the session handler to close with. Any inbound frame counts as activity.
 * <p>
 * One timer per connection serves both timeouts, and a read only stores the time: an idle
 * connection costs this object and one scheduled task (Netty's {@code IdleStateHandler} in front of
 * a second handler cost three times the memory). Runs on the socket's event loop only.
 */
final class ActivityHandler extends ChannelInboundHandlerAdapter implements Runnable {

    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private ChannelHandlerContext ctx;
    private long lastReadNanos;
    /** A ping went out and nothing has arrived since. */
    private boolean awaitingPong;
    private ScheduledFuture<?> timer;

    ActivityHandler(Duration activityTimeout, Duration pongTimeout) {
        this.activityTimeout = activityTimeout;
        this.pongTimeout = pongTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Added to a live socket when it upgrades to a WebSocket.
        this.ctx = ctx;
        lastReadNanos = System.nanoTime();
        schedule(activityTimeout.toNanos());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNanos = System.nanoTime();
        awaitingPong = false;
        ctx.fireChannelRead(msg);
    }

    /** The timer: either the pong deadline or the end of the activity timeout, whichever is due. */
    @Override
    public void run() {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (awaitingPong) {
            // As Netty's ReadTimeoutHandler does: the session handler behind closes, through the connection.
            ctx.fireExceptionCaught(new ProtocolException(ErrorCode.PONG_NOT_RECEIVED,
                    "Pong reply not received within " + pongTimeout.toSeconds() + " s"));
            return;
        }
        long idleNanos = System.nanoTime() - lastReadNanos;
        long remaining = activityTimeout.toNanos() - idleNanos;
        if (remaining > 0) {
            schedule(remaining);
            return;
        }
        ctx.writeAndFlush(ClientMessageHandler.ping(), ctx.voidPromise());
        awaitingPong = true;
        schedule(pongTimeout.toNanos());
    }

    private void schedule(long nanos) {
        timer = ctx.executor().schedule(this, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // Runs when the socket closes too (the pipeline is torn down).
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
