package io.herald.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A push service that accepts and does not decrypt: {@code POST /push/<device index>} is answered 201
 * when it looks like an RFC 8291/8292 Web Push request (an {@code aes128gcm} body, a {@code TTL}, a
 * {@code vapid} authorization), else 400. Counts deliveries per device and keeps the first and last
 * arrival time, so a run can tell missing and duplicate deliveries apart and time them.
 * {@code POST /warm-up} is answered 204 and not counted: see {@link #warmUp}.
 */
final class PushSink implements AutoCloseable {

    /** The smallest aes128gcm body: a 21-byte header with a 65-byte key, one 16-byte tag. */
    private static final int MIN_BODY = 21 + 65 + 16;

    private final EventLoopGroup group;
    private final Channel server;
    private final AtomicIntegerArray perDevice;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();

    private PushSink(int devices, int threads, String host) throws InterruptedException {
        perDevice = new AtomicIntegerArray(devices);
        group = Transport.eventLoops(threads);
        server = new ServerBootstrap().group(group)
                .channel(Transport.serverSocketChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new Receiver());
                    }
                })
                .bind(host, 0).sync().channel();
    }

    /** A sink for devices {@code 0 … devices-1} on a free port of {@code host}, served by {@code threads} event loops. */
    static PushSink start(int devices, int threads, String host) throws InterruptedException {
        return new PushSink(devices, threads, host);
    }

    /**
     * Sends {@code requests} uncounted requests through the sink from {@code parallel} connections, so
     * that the first delivery measures Herald, not a cold sink loading its HTTP classes.
     */
    void warmUp(int requests, int parallel) throws InterruptedException {
        InetSocketAddress address = (InetSocketAddress) server.localAddress();
        URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/warm-up");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build();
        Semaphore slots = new Semaphore(parallel);
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            client.sendAsync(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
                            .ofByteArray(new byte[MIN_BODY])).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> slots.release());
        }
        slots.acquire(parallel);
    }

    /** The push endpoint of one device, as its subscription names it. */
    String endpoint(int device) {
        InetSocketAddress address = (InetSocketAddress) server.localAddress();
        return "http://" + address.getHostString() + ":" + address.getPort() + "/push/" + device;
    }

    long accepted() {
        return accepted.sum();
    }

    long refused() {
        return refused.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    /** {@link System#nanoTime()} of the first accepted push, or 0. */
    long firstNanos() {
        return firstNanos.get();
    }

    /** {@link System#nanoTime()} of the latest accepted push, or 0. */
    long lastNanos() {
        return lastNanos.get();
    }

    /** Devices that received nothing. */
    int missing() {
        int missing = 0;
        for (int i = 0; i < perDevice.length(); i++) {
            if (perDevice.get(i) == 0) {
                missing++;
            }
        }
        return missing;
    }

    /** Deliveries beyond the first, over all devices. */
    long duplicates() {
        long duplicates = 0;
        for (int i = 0; i < perDevice.length(); i++) {
            duplicates += Math.max(0, perDevice.get(i) - 1);
        }
        return duplicates;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Answers each request on its event loop; the counters are the only shared state. */
    private final class Receiver extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            long now = System.nanoTime();
            if (request.uri().equals("/warm-up")) {
                answer(ctx, request, HttpResponseStatus.NO_CONTENT);
                return;
            }
            String problem = problem(request);
            HttpResponseStatus status = HttpResponseStatus.CREATED;
            if (problem == null) {
                perDevice.incrementAndGet(device(request.uri()));
                accepted.increment();
                bytes.add(request.content().readableBytes());
                firstNanos.compareAndSet(0, now);
                lastNanos.accumulateAndGet(now, Math::max);
            } else {
                refused.increment();
                status = HttpResponseStatus.BAD_REQUEST;
                if (errors.size() < 10) {
                    errors.add(request.method() + " " + request.uri() + ": " + problem);
                }
            }
            answer(ctx, request, status);
        }

        private void answer(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status) {
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            if (keepAlive) {
                ctx.writeAndFlush(response, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private String problem(FullHttpRequest request) {
            if (request.method() != HttpMethod.POST || device(request.uri()) < 0) {
                return "not a push to a known device";
            }
            if (!"aes128gcm".equalsIgnoreCase(request.headers().get(HttpHeaderNames.CONTENT_ENCODING))) {
                return "Content-Encoding is not aes128gcm";
            }
            if (request.headers().get("TTL") == null) {
                return "no TTL header";
            }
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "vapid ", 0, 6)) {
                return "no VAPID authorization";
            }
            if (request.content().readableBytes() < MIN_BODY) {
                return "body of " + request.content().readableBytes() + " bytes is too short for aes128gcm";
            }
            return null;
        }

        private int device(String uri) {
            if (!uri.startsWith("/push/")) {
                return -1;
            }
            try {
                int device = Integer.parseInt(uri.substring("/push/".length()));
                return device >= 0 && device < perDevice.length() ? device : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (errors.size() < 10) {
                errors.add(cause.toString());
            }
            ctx.close();
        }
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
