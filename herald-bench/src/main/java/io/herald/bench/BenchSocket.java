package io.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;

/**
 * One simulated Pusher client. Waits for {@code connection_established}, subscribes to its channel,
 * then records every benchmark event it receives; in presence churn it leaves and rejoins as soon as
 * each join succeeds. All callbacks run on the connection's event loop; state is a few fields.
 * Frames arrive from {@link ServerFrameDecoder}: benchmark events are read from their bytes, only the
 * rare other messages become Strings. In a soak, a socket may be told to {@link #reconnect()}: it
 * closes, and a replacement with the same index opens in its place.
 */
final class BenchSocket extends ChannelInboundHandlerAdapter implements ServerFrameDecoder.Listener {

    /** One payload reader per event loop. */
    private static final FastThreadLocal<Payload.Reader> READERS = new FastThreadLocal<>() {
        @Override
        protected Payload.Reader initialValue() {
            return new Payload.Reader();
        }
    };

    private final SocketFleet fleet;
    private final int index;
    private final String channel;
    /** Opened in place of a socket that reconnected: its outcome is a reconnect, not part of the opening. */
    private final boolean replacement;
    private boolean reconnecting;
    private ChannelHandlerContext ctx;
    private Deliveries deliveries;
    private String socketId;
    private boolean settled;
    private boolean subscribed;

    BenchSocket(SocketFleet fleet, int index, String channel, boolean replacement) {
        this.fleet = fleet;
        this.index = index;
        this.channel = channel;
        this.replacement = replacement;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.deliveries = fleet.deliveriesOf(ctx.channel().eventLoop());
    }

    @Override
    public void onText(ByteBuf frame, int index, int length) {
        int payload = Payload.find(frame, index, length);
        if (payload >= 0) {
            Payload.Reader reader = READERS.get();
            if (reader.read(frame, payload, index + length)) {
                deliveries.record(reader.seq(), reader.nanos(), System.nanoTime());
            } else {
                fleet.error("a benchmark event without its sequence number and time");
            }
        } else {
            onMessage(frame.toString(index, length, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onClose(int code, String reason) {
        fleet.closedByServer(code, reason);
        ctx.close();
    }

    private void onMessage(String text) {
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

    /** Closes this connection; once closed, the fleet opens a replacement that subscribes again. */
    void reconnect() {
        if (ctx.channel().isActive()) {
            reconnecting = true;
            ctx.close();
        }
    }

    private void subscribe() {
        String frame = fleet.plan().presence()
                ? Wire.subscribePresence(fleet.target(), socketId, channel, "u" + index)
                : Wire.subscribe(channel);
        ctx.writeAndFlush(new TextWebSocketFrame(frame));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (socketId != null && !reconnecting) {
            fleet.closed(); // only connections that were established, and not closed to reconnect, count
        }
        settle(false);
        if (reconnecting) {
            fleet.replace(this);
        }
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
            if (replacement) {
                fleet.replaced(ok);
            } else {
                fleet.settled(this, ok);
            }
        }
    }

    int index() {
        return index;
    }

    boolean isSubscribed() {
        return subscribed;
    }

    ChannelHandlerContext context() {
        return ctx;
    }
}
