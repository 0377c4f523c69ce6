package io.herald.server.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Every accepted socket starts as HTTP: codec → {@link InFlightRequests} → aggregator →
 * {@link HttpRequestHandler}, which either answers (API, health) or upgrades the socket to a
 * WebSocket session. A socket over the {@link SocketLimit} gets a 503 instead.
 */
final class HeraldChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerState state;
    /** Over the high mark the socket turns unwritable and a subscriber is closed with 4100. */
    private final WriteBufferWaterMark waterMark;

    HeraldChannelInitializer(ServerState state) {
        this.state = state;
        int limit = state.options.outboundBufferLimit();
        this.waterMark = new WriteBufferWaterMark(limit / 2, limit);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!state.socketLimit.tryAdmit(ch)) {
            boolean linger = state.socketLimit.tryHoldRefused(ch);
            ch.pipeline().addLast(linger ? OverLimitRefusal.LINGERING : OverLimitRefusal.IMMEDIATE);
            return;
        }
        ch.config().setWriteBufferWaterMark(waterMark);
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("in-flight", new InFlightRequests(state.apiInFlight))
                .addLast("aggregator", new RequestAggregator(state.options.maxRequestSize()))
                .addLast("router", new HttpRequestHandler(state));
    }
}
