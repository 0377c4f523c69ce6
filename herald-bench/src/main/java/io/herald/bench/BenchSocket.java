package io.herald.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One simulated Pusher client. Waits for {@code connection_established}, subscribes to its channel,
 * then records every benchmark event it receives; in presence churn it leaves and rejoins as soon as
 * each join succeeds. All callbacks run on the connection's event loop; state is a few fields.
 */
final class BenchSocket extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final SocketFleet fleet;
    private final int index;
    private final String channel;
    private ChannelHandlerContext ctx;
    private String socketId;
    private boolean settled;
    private boolean subscribed;

    BenchSocket(SocketFleet fleet, int index, String channel) {
        this.fleet = fleet;
        this.index = index;
        this.channel = channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            onText(text.text());
        } else if (frame instanceof CloseWebSocketFrame close) {
            fleet.closedByServer(close.statusCode(), close.reasonText());
            ctx.close();
        }
    }

    private void onText(String text) {
        int payload = Payload.find(text);
        if (payload >= 0) {
            fleet.deliveries().record(Payload.seq(text, payload), Payload.nanos(text, payload), System.nanoTime());
            return;
        }
        switch (Wire.event(text)) {
            case "pusher:connection_established" -> {
                socketId = Wire.socketId(text);
                fleet.established();
                subscribe();
            }
            case "pusher_internal:subscription_succeeded" -> onSubscribed();
            case "pusher:ping" -> ctx.writeAndFlush(new TextWebSocketFrame(Wire.PONG));
            case "pusher_internal:member_added", "pusher_internal:member_removed" -> fleet.presenceEvent();
            case "pusher:error", "pusher:subscription_error" -> {
                fleet.error(text);
                settle(false);
            }
            default -> { }
        }
    }

    private void onSubscribed() {
        if (!subscribed) {
            subscribed = true;
            settle(true);
        } else {
            fleet.joined();
        }
        if (fleet.churning()) {
            churn();
        }
    }

    /** Leaves the channel and joins it again; the join's success triggers the next round. */
    void churn() {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.write(new TextWebSocketFrame(Wire.unsubscribe(channel)));
        fleet.left();
        subscribe();
    }

    private void subscribe() {
        String frame = fleet.plan().presence()
                ? Wire.subscribePresence(fleet.target(), socketId, channel, "u" + index)
                : Wire.subscribe(channel);
        ctx.writeAndFlush(new TextWebSocketFrame(frame));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fleet.error("WebSocket handshake timed out");
            settle(false);
            ctx.close();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (socketId != null) {
            fleet.closed(); // only connections that were established count as closed
        }
        settle(false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fleet.error(cause.toString());
        ctx.close();
    }

    /** Reports the outcome of opening this connection once: subscribed, or failed on the way. */
    void settle(boolean ok) {
        if (!settled) {
            settled = true;
            fleet.settled(this, ok);
        }
    }

    boolean isSubscribed() {
        return subscribed;
    }

    ChannelHandlerContext context() {
        return ctx;
    }
}
