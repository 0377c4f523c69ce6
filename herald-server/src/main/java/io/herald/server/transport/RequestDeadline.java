package io.herald.server.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes HTTP sockets that hold the server without completing a request: one that sends nothing,
 * headers that never end, a body that trickles. From connecting, and again from each response, the
 * client has {@code request-timeout} to deliver a whole request (headers and body, an API call or a
 * WebSocket upgrade). Past it: 408 with a JSON message and the socket closes; a keep-alive socket
 * that is merely idle after its last response closes without one, as HTTP clients expect. While the
 * server owes a response, the clock is the server's, not the client's, and doesn't run.
 * Removed when the socket becomes a WebSocket. Runs on the socket's event loop only.
 */
final class RequestDeadline extends ChannelDuplexHandler implements Runnable {

    private final Duration timeout;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    /** Whole requests received and not answered yet. */
    private int unanswered;
    /** Headers of a request arrived and its body is not complete. */
    private boolean midRequest;
    /** This socket has answered a request: silence now is keep-alive idleness, not a stalled request. */
    private boolean answeredOne;

    RequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        restartClock();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            midRequest = true;
        }
        if (msg instanceof LastHttpContent) {
            midRequest = false;
            unanswered++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (InFlightRequests.endsResponse(msg)) {
            answeredOne = true;
            unanswered = Math.max(0, unanswered - 1);
            if (unanswered == 0) {
                restartClock();
            }
        }
        ctx.write(msg, promise);
    }

    private void restartClock() {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = ctx.executor().schedule(this, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The deadline passed. */
    @Override
    public void run() {
        if (unanswered > 0 || !ctx.channel().isActive()) {
            return; // the server's turn: the clock restarts with the response
        }
        if (midRequest || !answeredOne) {
            JsonResponse.refuseAndClose(ctx, HttpResponseStatus.REQUEST_TIMEOUT,
                    "request not complete within " + timeout.toMillis() + " ms (request-timeout)");
        } else {
            ctx.close();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
