package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Pusher server that writes its WebSocket frames byte by byte as the test wants them: the
 * load generator's frame reader must cope with frames split over reads, several frames in one read,
 * 16-bit lengths, fragmented messages and pings. It accepts any subscription and any signed publish,
 * and never delivers event {@link #DROPPED_EVENT} to its first subscriber: the one lost delivery.
 */
final class RawFrameServer implements AutoCloseable {

    static final int DROPPED_EVENT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIN_TEXT = 0x81;
    private static final int TEXT_MORE = 0x01;
    private static final int FIN_CONTINUATION = 0x80;
    private static final int FIN_PING = 0x89;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final List<Channel> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private final AtomicInteger pusherPongs = new AtomicInteger();
    private int published; // on the one event loop

    RawFrameServer() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new Http());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** WebSocket pongs received, answers to the pings sent with events. */
    int pongs() {
        return pongs.get();
    }

    /** {@code pusher:pong} messages received, answers to the {@code pusher:ping}s sent with events. */
    int pusherPongs() {
        return pusherPongs.get();
    }

    private final class Http extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            if (request.headers().contains(HttpHeaderNames.UPGRADE)) {
                new WebSocketServerHandshakerFactory("ws://127.0.0.1/", null, false).newHandshaker(request)
                        .handshake(ctx.channel(), request).addListener(f -> {
                            ctx.pipeline().addLast(new Frames());
                            ctx.writeAndFlush(frame(FIN_TEXT, message("pusher:connection_established", null,
                                    "{\"socket_id\":\"1.2\",\"activity_timeout\":120}")));
                        });
                ctx.pipeline().remove(this);
                return;
            }
            JsonNode body = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
            broadcast(body.get("name").asText(), body.get("channels").get(0).asText(), body.get("data").asText());
            DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
            ok.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
            ctx.writeAndFlush(ok);
        }
    }

    private final class Frames extends SimpleChannelInboundHandler<Object> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object frame) throws Exception {
            if (frame instanceof PongWebSocketFrame) {
                pongs.incrementAndGet();
            } else if (frame instanceof TextWebSocketFrame text && text.text().contains("pusher:pong")) {
                pusherPongs.incrementAndGet();
            } else if (frame instanceof TextWebSocketFrame text && text.text().contains("pusher:subscribe")) {
                String channel = JSON.readTree(text.text()).get("data").get("channel").asText();
                subscribers.add(ctx.channel());
                ctx.writeAndFlush(frame(FIN_TEXT, message("pusher_internal:subscription_succeeded", channel, "{}")));
            }
        }
    }

    /** Event {@code n} goes out in one of four shapes, in turn, to every subscriber but as noted. */
    private void broadcast(String event, String channel, String data) {
        int n = published++;
        byte[] message = message(event, channel, data);
        for (int i = 0; i < subscribers.size(); i++) {
            Channel ch = subscribers.get(i);
            if (n == DROPPED_EVENT && i == 0) {
                continue;
            }
            switch (n % 4) {
                case 0 -> { // split: one byte per write
                    ByteBuf bytes = frame(FIN_TEXT, message);
                    while (bytes.isReadable()) {
                        ch.writeAndFlush(bytes.readRetainedSlice(1));
                    }
                    bytes.release();
                }
                case 1 -> ch.writeAndFlush(Unpooled.wrappedBuffer( // with a Pusher ping, in one write
                        frame(FIN_TEXT, message), frame(FIN_TEXT, message("pusher:ping", null, "{}"))));
                case 2 -> { // fragmented, a WebSocket ping between the fragments
                    int half = message.length / 2;
                    ch.writeAndFlush(Unpooled.wrappedBuffer(
                            frame(TEXT_MORE, Arrays.copyOfRange(message, 0, half)),
                            frame(FIN_PING, "are you there".getBytes(StandardCharsets.UTF_8))));
                    ch.writeAndFlush(frame(FIN_CONTINUATION, Arrays.copyOfRange(message, half, message.length)));
                }
                default -> ch.writeAndFlush(frame(FIN_TEXT, message));
            }
        }
    }

    private static byte[] message(String event, String channel, String data) {
        ObjectNode json = JSON.createObjectNode().put("event", event);
        if (channel != null) {
            json.put("channel", channel);
        }
        return json.put("data", data).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An unmasked frame: first byte {@code b0}, the shortest length encoding, the payload. */
    private static ByteBuf frame(int b0, byte[] payload) {
        ByteBuf out = Unpooled.buffer(payload.length + 10).writeByte(b0);
        if (payload.length < 126) {
            out.writeByte(payload.length);
        } else if (payload.length < 1 << 16) {
            out.writeByte(126).writeShort(payload.length);
        } else {
            out.writeByte(127).writeLong(payload.length);
        }
        return out.writeBytes(payload);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
