package io.herald.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * {@link HttpObjectAggregator} whose 413 for a request over {@code maxRequestSize} carries a JSON
 * {@code {"error": …}} body like every other API refusal (Netty's own 413 is empty), both after the
 * body started and in answer to {@code Expect: 100-continue}. When the connection closes afterwards
 * is left as Netty decides it.
 */
final class RequestAggregator extends HttpObjectAggregator {

    private final int maxRequestSize;

    RequestAggregator(int maxRequestSize) {
        super(maxRequestSize);
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        // As Netty: keep the connection (and skip the rest of the body) only when that is possible.
        boolean close = oversized instanceof FullHttpMessage
                || !ctx.channel().config().isAutoRead()
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        FullHttpResponse response = tooLarge();
        HttpUtil.setKeepAlive(response, !close);
        ctx.writeAndFlush(response)
                .addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse refusal
                && refusal.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
            refusal.release();
            return tooLarge();
        }
        return response;
    }

    private FullHttpResponse tooLarge() {
        return JsonResponse.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLargeMessage(maxRequestSize));
    }

    static String tooLargeMessage(int maxRequestSize) {
        return "request body is larger than " + maxRequestSize + " bytes";
    }
}
