package io.herald.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Native epoll where Netty has it (Linux x86-64), NIO elsewhere: the load generator should spend
 * as little CPU per socket read as it can, since it shares the host with what it measures.
 */
final class Transport {

    private static final boolean EPOLL = Epoll.isAvailable();

    private Transport() {
    }

    static EventLoopGroup eventLoops(int threads) {
        IoHandlerFactory factory = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    static Class<? extends ServerSocketChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** Whether {@link #choosePortAtConnect} works here: it needs the native transport. */
    static boolean portAtConnect() {
        return EPOLL;
    }

    /**
     * Has sockets bound to a source address get their port when they connect (IP_BIND_ADDRESS_NO_PORT),
     * so a port is only taken for one destination, as for unbound sockets, instead of being
     * searched for among all the ports in use at bind time.
     */
    static Bootstrap choosePortAtConnect(Bootstrap bootstrap) {
        return EPOLL ? bootstrap.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true) : bootstrap;
    }

    /** "epoll" or "nio", for the report. */
    static String name() {
        return EPOLL ? "epoll" : "nio";
    }
}
