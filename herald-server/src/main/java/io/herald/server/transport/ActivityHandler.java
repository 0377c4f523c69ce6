package io.herald.server.transport;

import io.herald.protocol.ErrorCode;
import io.herald.server.session.ClientMessageHandler;
import io.herald.server.session.Connection;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps silent connections honest. When nothing has arrived for the activity timeout (signalled by
 * the {@code IdleStateHandler} before it), sends {@code pusher:ping}; if still nothing arrives
 * within the pong timeout, closes with 4201. Any inbound frame counts as activity.
 */
final class ActivityHandler extends ChannelInboundHandlerAdapter {

    private final Duration pongTimeout;
    private ScheduledFuture<?> pongDeadline;

    ActivityHandler(Duration pongTimeout) {
        this.pongTimeout = pongTimeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pongDeadline != null) {
            pongDeadline.cancel(false);
            pongDeadline = null;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (pongDeadline == null) {
                ctx.writeAndFlush(ClientMessageHandler.ping(), ctx.voidPromise());
                pongDeadline = ctx.executor().schedule(
                        () -> Connection.closeSocket(ctx.channel(), ErrorCode.PONG_NOT_RECEIVED,
                                "Pong reply not received within " + pongTimeout.toSeconds() + " s"),
                        pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pongDeadline != null) {
            pongDeadline.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
