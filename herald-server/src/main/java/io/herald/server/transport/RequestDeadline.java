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
 * server owes a response, the clock is the server's, not the client's, and doesn't run; but a
 * response the client doesn't take (it isn't reading) within the timeout closes the socket too.
 * Removed when the socket becomes a WebSocket. Runs on the socket's event loop only.
 */
final class RequestDeadline extends ChannelDuplexHandler implements Runnable {

    private final Duration timeout;
    private ChannelHandlerContext ctx;
    /** One timer at a time; restarting the clock only moves {@link #clockStart} (no task per request). */
    private ScheduledFuture<?> timer;
    private long clockStart;
    /** Whole requests received and not answered yet. */
    private int unanswered;
    /** Responses written but not yet taken by the socket: the client isn't reading. */
    private int untaken;
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
            untaken++;
            promise = promise.unvoid();
            promise.addListener(written -> {
                untaken--;
                restartClock();
            });
        }
        ctx.write(msg, promise);
    }

    private void restartClock() {
        clockStart = ctx.executor().ticker().nanoTime();
        if (timer == null && !ctx.isRemoved()) { // removed: the socket became a WebSocket as its 101 went out
            schedule(timeout.toNanos());
        }
    }

    private void schedule(long nanos) {
        timer = ctx.executor().schedule(this, nanos, TimeUnit.NANOSECONDS);
    }

    /** The timer: the deadline passed, or the clock restarted since it was set. */
    @Override
    public void run() {
        timer = null;
        if (!ctx.channel().isActive() || ctx.isRemoved()) {
            return;
        }
        long left = timeout.toNanos() - (ctx.executor().ticker().nanoTime() - clockStart);
        if (left > 0) {
            schedule(left);
        } else if (untaken > 0) {
            ctx.close(); // its answers pile up unread; no answer will reach it either
        } else if (unanswered > 0) {
            // the server's turn: the clock restarts with the response
        } else if (midRequest || !answeredOne) {
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
