package io.herald.server.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a socket's HTTP requests from their first decoded part until their response is written,
 * into the server-wide count that a graceful shutdown waits on. It sits before the aggregator, so a
 * request whose body is still arriving when the shutdown starts is waited for, not cut off.
 * Runs on the socket's event loop only.
 */
final class InFlightRequests extends ChannelDuplexHandler {

    private final AtomicInteger serverWide;
    /** This socket's requests without a response yet (more than one when a client pipelines). */
    private int open;

    InFlightRequests(AtomicInteger serverWide) {
        this.serverWide = serverWide;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            open++;
            serverWide.incrementAndGet();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (open > 0 && endsResponse(msg)) {
            open--;
            promise = promise.unvoid();
            promise.addListener(written -> serverWide.decrementAndGet());
        }
        ctx.write(msg, promise);
    }

    /** The last part of a final response; {@code 100 Continue} only lets the body come. */
    private static boolean endsResponse(Object msg) {
        return msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse response && response.status().equals(HttpResponseStatus.CONTINUE));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // The socket closed (its pipeline is torn down) or became a WebSocket: requests that will
        // never be answered here stop counting.
        serverWide.addAndGet(-open);
        open = 0;
    }
}
