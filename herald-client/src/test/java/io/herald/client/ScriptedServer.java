package io.herald.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Pusher-compatible server whose behaviour tests script: it greets every connection with
 * {@code connection_established}, records what clients send, answers {@code pusher:ping} only if told
 * to, and closes every connection with a chosen code on demand. Real sockets on 127.0.0.1.
 */
final class ScriptedServer implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final boolean answerPings;
    private final Channel listener;

    ScriptedServer(boolean answerPings) {
        this(answerPings, null);
    }

    /** With {@code tls} non-null, serves {@code wss://} only. */
    ScriptedServer(boolean answerPings, SslContext tls) {
        this.answerPings = answerPings;
        this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/app").checkStartsWith(true).build()),
                                new Script());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** How many WebSocket handshakes completed so far. */
    int connections() {
        return connections.get();
    }

    BlockingQueue<String> received() {
        return received;
    }

    void closeAll(int code, String reason) {
        // Only the sockets open now: a client that reconnects at once must keep its new socket.
        List<Channel> open = List.copyOf(clients);
        for (Channel channel : open) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }
        open.forEach(channel -> channel.closeFuture().awaitUninterruptibly());
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        clients.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private final class Script extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                clients.add(ctx.channel());
                int n = connections.incrementAndGet();
                ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"pusher:connection_established\","
                        + "\"data\":\"{\\\"socket_id\\\":\\\"1." + n + "\\\",\\\"activity_timeout\\\":120}\"}"));
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String text = frame.text();
            received.add(text);
            if (answerPings && text.contains("\"pusher:ping\"")) {
                ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"pusher:pong\",\"data\":\"{}\"}"));
            }
        }
    }
}
