package io.herald.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The whole life of a socket accepted over a limit ({@link SocketLimit}: 503; {@link ConnectionsPerIp}:
 * 429): an HTTP refusal at once (WebSocket
 * clients see a failed handshake and retry, typically elsewhere). {@link #LINGERING} then ends the
 * output and reads and drops what the client sent, so the close is a normal one (closing with unread
 * input resets the connection, and the client may lose the 503); the socket closes when the client
 * closes or after {@value #LINGER_MILLIS} ms, whichever is first. {@link #IMMEDIATE}, for floods,
 * closes as soon as the 503 is written.
 */
@ChannelHandler.Sharable
final class OverLimitRefusal extends ChannelInboundHandlerAdapter {

    private static final String OPEN_FILES = "Server at its connection limit (open files); try again later";
    static final OverLimitRefusal LINGERING = new OverLimitRefusal(HttpResponseStatus.SERVICE_UNAVAILABLE, OPEN_FILES, true);
    static final OverLimitRefusal IMMEDIATE = new OverLimitRefusal(HttpResponseStatus.SERVICE_UNAVAILABLE, OPEN_FILES, false);
    private static final int LINGER_MILLIS = 1000;

    private final byte[] response;
    private final boolean linger;

    /** A refusal with {@code status} and {@code {"error": message}}; see the class comment for {@code linger}. */
    OverLimitRefusal(HttpResponseStatus status, String message, boolean linger) {
        this.response = response(status, JsonResponse.errorBody(message).toString());
        this.linger = linger;
    }

    private static byte[] response(HttpResponseStatus status, String body) {
        // Bytes written as they are: the socket has no HTTP codec.
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + json.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + json.length);
        System.arraycopy(json, 0, all, head.length, json.length);
        return all;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener((ChannelFutureListener) written -> {
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
