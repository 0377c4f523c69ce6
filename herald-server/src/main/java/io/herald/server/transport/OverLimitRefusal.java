package io.herald.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The whole life of a socket accepted over the {@link SocketLimit}: an HTTP 503 at once (WebSocket
 * clients see a failed handshake and retry, typically elsewhere), then the end of the output. What the
 * client sent is read and dropped, so the close is a normal one (closing with unread input would
 * reset the connection, and the client could lose the 503); the socket closes when the client closes
 * or after {@value #LINGER_MILLIS} ms, whichever is first.
 */
@ChannelHandler.Sharable
final class OverLimitRefusal extends ChannelInboundHandlerAdapter {

    static final OverLimitRefusal INSTANCE = new OverLimitRefusal();
    private static final int LINGER_MILLIS = 1000;
    private static final byte[] RESPONSE = response("{\"error\":\"Server at its connection limit (open files); try again later\"}");

    private OverLimitRefusal() {
    }

    private static byte[] response(String body) {
        return ("HTTP/1.1 503 Service Unavailable\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n"
                + "\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(RESPONSE)).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            } else {
                ctx.close();
            }
        });
        ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
