package io.herald.server.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a socket's HTTP requests from their first decoded part until their response is written.
 * <ul>
 * <li>A client may have at most {@code max-pipelined-requests} of them: one that sends more ahead of
 * its answers (HTTP pipelining without reading) is closed, as its requests would otherwise queue.</li>
 * <li>Whole requests count in the server-wide number a graceful shutdown waits on; requests still
 * arriving count apart, as a shutdown gives them only a moment: a client that sends half a request
 * and stalls must not hold it.</li>
 * </ul>
 * Runs on the socket's event loop only.
 */
final class InFlightRequests extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(InFlightRequests.class);

    private final AtomicInteger serverWide;
    private final AtomicInteger arrivingServerWide;
    private final int maxPipelined;
    /** This socket's requests without a response yet (more than one when a client pipelines). */
    private int open;
    /** Those of them received whole, counted in {@link #serverWide}. */
    private int whole;
    /** Whether one is still arriving, counted in {@link #arrivingServerWide}. */
    private boolean arriving;

    InFlightRequests(AtomicInteger serverWide, AtomicInteger arrivingServerWide, int maxPipelined) {
        this.serverWide = serverWide;
        this.arrivingServerWide = arrivingServerWide;
        this.maxPipelined = maxPipelined;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest && ++open > maxPipelined) {
            log.debug("Closing {}: over {} HTTP requests sent ahead of their responses (max-pipelined-requests)",
                    ctx.channel(), maxPipelined);
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpRequest) {
            setArriving(true);
        }
        if (msg instanceof LastHttpContent) {
            setArriving(false);
            whole++;
            serverWide.incrementAndGet();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (open > 0 && endsResponse(msg)) {
            open--;
            if (whole > 0) {
                whole--;
                promise = promise.unvoid();
                promise.addListener(written -> serverWide.decrementAndGet());
            }
        }
        ctx.write(msg, promise);
    }

    private void setArriving(boolean now) {
        if (arriving != now) {
            arriving = now;
            arrivingServerWide.addAndGet(now ? 1 : -1);
        }
    }

    /** The last part of a final response; {@code 100 Continue} only lets the body come. */
    static boolean endsResponse(Object msg) {
        return msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse response && response.status().equals(HttpResponseStatus.CONTINUE));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // The socket closed (its pipeline is torn down) or became a WebSocket: requests that will
        // never be answered here stop counting.
        serverWide.addAndGet(-whole);
        whole = 0;
        open = 0;
        setArriving(false);
    }
}
