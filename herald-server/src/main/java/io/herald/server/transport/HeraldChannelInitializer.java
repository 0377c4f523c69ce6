package io.herald.server.transport;

import io.herald.server.tls.ServerTls;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every accepted socket starts as HTTP, behind TLS on a TLS port: codec → {@link RequestDeadline} → {@link InFlightRequests} →
 * {@link RequestBodyBuffer} → aggregator → one request at a time → {@link HttpRequestHandler}, which
 * either answers (API, health) or upgrades the socket to a WebSocket session. A socket over the
 * {@link SocketLimit} gets a 503 instead, one over {@link ConnectionsPerIp} a 429.
 * <p>
 * An HTTP socket reads only when asked: the router asks for the next request once the previous
 * response is written, so a client that sends without reading stops being read (TCP pushes back)
 * instead of growing the server's queues. {@link FlowControlHandler} holds requests that arrived
 * in the same read until then.
 */
final class HeraldChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** The stages that only serve HTTP, removed when the socket becomes a WebSocket. */
    private static final List<String> HTTP_ONLY = List.of("deadline", "in-flight", "body", "one-at-a-time");

    private final ServerState state;
    /** Null on a plain-HTTP port. */
    private final ServerTls tls;
    /** The metrics port's page (see {@link HttpRequestHandler}); null on the main port. */
    private final Supplier<String> metricsPage;
    /** The admin port's services, the only ones it serves; null on the main port. */
    private final HttpServices dedicated;
    /** Over the high mark the socket turns unwritable and a subscriber is closed with 4100. */
    private final WriteBufferWaterMark waterMark;
    private final OverLimitRefusal perIpRefusal;
    private final OverLimitRefusal perIpRefusalNow;

    HeraldChannelInitializer(ServerState state, ServerTls tls, Supplier<String> metricsPage, HttpServices dedicated) {
        this.state = state;
        this.tls = tls;
        this.metricsPage = metricsPage;
        this.dedicated = dedicated;
        int limit = state.options.outboundBufferLimit();
        this.waterMark = new WriteBufferWaterMark(limit / 2, limit);
        String tooMany = state.connectionsPerIp.refusal();
        this.perIpRefusal = new OverLimitRefusal(HttpResponseStatus.TOO_MANY_REQUESTS, tooMany, true);
        this.perIpRefusalNow = new OverLimitRefusal(HttpResponseStatus.TOO_MANY_REQUESTS, tooMany, false);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (tls != null) {
            // First, so that refusals below are said over TLS too; it stays when the socket becomes a WebSocket.
            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
        }
        if (!state.socketLimit.tryAdmit(ch)) {
            boolean linger = state.socketLimit.tryHoldRefused(ch);
            ch.pipeline().addLast(linger ? OverLimitRefusal.LINGERING : OverLimitRefusal.IMMEDIATE);
            return;
        }
        if (!state.connectionsPerIp.tryAdmit(ch)) {
            boolean linger = state.socketLimit.tryHoldRefused(ch);
            ch.pipeline().addLast(linger ? perIpRefusal : perIpRefusalNow);
            return;
        }
        ch.config().setWriteBufferWaterMark(waterMark);
        addHttpStages(ch, state, metricsPage, dedicated);
    }

    /** The stages of a socket that speaks HTTP; reading is left to the router. */
    static void addHttpStages(Channel ch, ServerState state, Supplier<String> metricsPage, HttpServices dedicated) {
        ch.config().setAutoRead(false);
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("deadline", new RequestDeadline(state.options.requestTimeout()))
                .addLast("in-flight", new InFlightRequests(state.apiInFlight, state.requestsArriving,
                        state.options.maxPipelinedRequests()))
                .addLast("body", new RequestBodyBuffer(state.requestBytes, state.options.maxRequestSize()))
                .addLast("aggregator", new RequestAggregator(state.options.maxRequestSize()))
                .addLast("one-at-a-time", new FlowControlHandler())
                .addLast("router", new HttpRequestHandler(state, metricsPage, dedicated));
    }

    /** After the handshake's 101: drops the HTTP-only stages and lets WebSocket frames flow as they come. */
    static void leaveHttp(ChannelPipeline pipeline) {
        for (String name : HTTP_ONLY) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        pipeline.channel().config().setAutoRead(true);
    }
}
