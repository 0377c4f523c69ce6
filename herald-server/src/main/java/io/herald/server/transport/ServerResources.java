package io.herald.server.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the server's threads: one event loop accepting sockets and one per core (or as many as the
 * {@code event-loops} setting says) serving them, on native epoll where the platform has it, else
 * NIO; a timer thread and the webhook HTTP threads. Started once, shut down once.
 */
public final class ServerResources {

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Class<? extends ServerSocketChannel> serverChannelType;
    private final ScheduledExecutorService timers;
    private final ExecutorService webhookExecutor;

    /** @param eventLoops threads serving sockets; 0 for one per core */
    public ServerResources(int eventLoops) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.acceptor = new MultiThreadIoEventLoopGroup(1, factory);
        this.workers = new MultiThreadIoEventLoopGroup(
                eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors(), factory);
        this.serverChannelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("herald-timers"));
        this.webhookExecutor = Executors.newFixedThreadPool(2, daemon("herald-webhooks"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One thread for timers off the event loops: webhook batching, retries, grace periods, throttles. */
    public ScheduledExecutorService timers() {
        return timers;
    }

    /** Threads that complete webhook HTTP requests. */
    public ExecutorService webhookExecutor() {
        return webhookExecutor;
    }

    EventLoopGroup acceptor() {
        return acceptor;
    }

    EventLoopGroup workers() {
        return workers;
    }

    Class<? extends ServerSocketChannel> serverChannelType() {
        return serverChannelType;
    }

    /** Stops both groups, letting queued tasks finish, within {@code timeout}. */
    public void shutdown(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        Future<?> a = acceptor.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        Future<?> w = workers.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        timers.shutdownNow();
        webhookExecutor.shutdownNow();
        a.awaitUninterruptibly(millis);
        w.awaitUninterruptibly(millis);
    }
}
