package io.herald.server.transport;

import io.herald.server.tls.ServerTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

/** A listening socket: binds the bootstrap, reports the port, stops accepting on close. */
public final class Listener {

    private final Channel serverChannel;

    private Listener(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free port) and starts accepting.
     *
     * @param tls the TLS every socket speaks first, or {@code null} for plain HTTP
     */
    public static Listener bind(ServerResources resources, ServerState state, int port, ServerTls tls)
            throws InterruptedException {
        return bind(resources, state, port, new HeraldChannelInitializer(state, tls, null, null));
    }

    /**
     * Binds the metrics port: {@code GET /metrics} answers {@code page}, through the same HTTP stages
     * (request deadline, pipelining and socket limits) as the main port, so a slow client can't hold it.
     */
    public static Listener bindMetrics(ServerResources resources, ServerState state, int port, Supplier<String> page)
            throws InterruptedException {
        return bind(resources, state, port, new HeraldChannelInitializer(state, null, page, null));
    }

    /**
     * Binds the admin port: only {@code services} and {@code webSockets} (the admin API, the console) are
     * served there, through the main port's HTTP stages (and its TLS, when {@code tls} is given);
     * everything else is 404.
     */
    public static Listener bindServices(ServerResources resources, ServerState state, int port, ServerTls tls,
                                        List<HttpService> services, List<WebSocketService> webSockets)
            throws InterruptedException {
        HttpServices dedicated = new HttpServices();
        services.forEach(dedicated::mount);
        webSockets.forEach(dedicated::mount);
        return bind(resources, state, port, new HeraldChannelInitializer(state, tls, null, dedicated));
    }

    private static Listener bind(ServerResources resources, ServerState state, int port, HeraldChannelInitializer sockets)
            throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(resources.acceptor(), resources.workers())
                .channel(resources.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                // No TCP_NODELAY child option: Netty sets it on every accepted socket already, and
                // setting it again costs a system call per connection.
                // Stateless: one for every socket instead of Netty's default of one each.
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator())
                .childHandler(sockets);
        Channel channel = bootstrap.bind(state.options.host(), port).sync().channel();
        return new Listener(channel);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public void stopAccepting() {
        serverChannel.close().syncUninterruptibly();
    }
}
