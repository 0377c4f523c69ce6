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
 * clients see a failed handshake and retry, typically elsewhere). {@link #LINGERING} then ends the
 * output and reads and drops what the client sent, so the close is a normal one (closing with unread
 * input resets the connection, and the client may lose the 503); the socket closes when the client
 * closes or after {@value #LINGER_MILLIS} ms, whichever is first. {@link #IMMEDIATE}, for floods,
 * closes as soon as the 503 is written.
 */
@ChannelHandler.Sharable
final class OverLimitRefusal extends ChannelInboundHandlerAdapter {

    static final OverLimitRefusal LINGERING = new OverLimitRefusal(true);
    static final OverLimitRefusal IMMEDIATE = new OverLimitRefusal(false);
    private static final int LINGER_MILLIS = 1000;
    private static final byte[] RESPONSE = response("{\"error\":\"Server at its connection limit (open files); try again later\"}");

    private final boolean linger;

    private OverLimitRefusal(boolean linger) {
        this.linger = linger;
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
            if (linger && written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            } else {
                ctx.close();
            }
        });
        if (linger) {
            ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
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
