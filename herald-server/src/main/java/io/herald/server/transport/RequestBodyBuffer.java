package io.herald.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Gathers each request body into one heap buffer from the node's {@link RequestBytes} budget and
 * passes it on in one piece, releasing every read buffer as soon as its bytes are copied. A body
 * that declares its length reserves all of it when the headers arrive, so past the budget the client
 * gets a 503 at once instead of being read; a chunked body grows within {@code maxRequestSize}.
 * A declared length over {@code maxRequestSize} passes untouched, for the aggregator's 413.
 * Runs on the socket's event loop only.
 */
final class RequestBodyBuffer extends ChannelInboundHandlerAdapter {

    static final String BUSY = "Server busy: too many request bytes waiting to be processed; retry shortly";

    private final RequestBytes budget;
    private final int maxRequestSize;
    /** The current request's body so far; null before its first byte, or when it has none. */
    private ByteBuf body;
    /** The current request was refused: drop the rest of it (its socket is closing). */
    private boolean refused;
    /** The current request declared more than {@code maxRequestSize}: the aggregator refuses it. */
    private boolean oversized;

    RequestBodyBuffer(RequestBytes budget, int maxRequestSize) {
        this.budget = budget;
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            // the rest of a refused request: its socket is closing
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof FullHttpMessage) {
            // a request the decoder found malformed comes whole
            ctx.fireChannelRead(msg);
        } else if (msg instanceof HttpRequest request) {
            start(ctx, request);
        } else if (msg instanceof HttpContent content) {
            append(ctx, content);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request) {
        releaseBody();
        long declared = HttpUtil.getContentLength(request, -1L);
        oversized = declared > maxRequestSize;
        if (declared > 0 && !oversized) {
            body = budget.tryAllocate((int) declared);
            if (body == null) {
                ReferenceCountUtil.release(request);
                refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, BUSY);
                return;
            }
        }
        ctx.fireChannelRead(request);
    }

    private void append(ChannelHandlerContext ctx, HttpContent content) {
        if (oversized) {
            ctx.fireChannelRead(content);
            return;
        }
        try {
            ByteBuf bytes = content.content();
            if (bytes.isReadable() && !makeRoom(ctx, bytes.readableBytes())) {
                return;
            }
            if (bytes.isReadable()) {
                body.writeBytes(bytes);
            }
            if (content instanceof LastHttpContent last) {
                LastHttpContent whole = new DefaultLastHttpContent(body != null ? body : Unpooled.EMPTY_BUFFER);
                whole.trailingHeaders().set(last.trailingHeaders());
                body = null;
                ctx.fireChannelRead(whole);
            }
        } finally {
            content.release();
        }
    }

    /** Room for {@code more} bytes in {@link #body}; false (and the request refused) when there is none. */
    private boolean makeRoom(ChannelHandlerContext ctx, int more) {
        int needed = (body == null ? 0 : body.readableBytes()) + more;
        if (body != null && body.capacity() >= needed) {
            return true;
        }
        // Only a body without a declared length grows; double it, within maxRequestSize.
        if (needed > maxRequestSize) {
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, RequestAggregator.tooLargeMessage(maxRequestSize));
            return false;
        }
        int capacity = Math.min(maxRequestSize, Math.max(needed, body == null ? 1024 : body.capacity() * 2));
        ByteBuf grown = budget.tryAllocate(capacity);
        if (grown == null) {
            refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, BUSY);
            return false;
        }
        if (body != null) {
            grown.writeBytes(body);
            body.release();
        }
        body = grown;
        return true;
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        refused = true;
        releaseBody();
        JsonResponse.refuseAndClose(ctx, status, message);
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // The socket closed (or upgraded) mid-body: its bytes go back to the budget.
        releaseBody();
    }
}
