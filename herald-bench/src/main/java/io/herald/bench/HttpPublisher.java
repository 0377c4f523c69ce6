package io.herald.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Publishes events through the signed HTTP API over {@code inFlight} keep-alive connections, each
 * sending its next request when the previous answer arrives (HTTP/1.1 without pipelining). The data
 * of each event carries its publish time, taken just before signing, for {@link Deliveries}.
 */
final class HttpPublisher implements AutoCloseable {

    private final BenchTarget target;
    private final EventLoopGroup group = Transport.eventLoops(1);

    HttpPublisher(BenchTarget target) {
        this.target = target;
    }

    /** Publishes the plan and waits for every answer, at most {@code timeout}. */
    PublishResult publish(PublishPlan plan, Duration timeout) throws InterruptedException {
        Run run = new Run(plan);
        for (int i = 0; i < Math.min(plan.inFlight(), Math.max(1, plan.events())); i++) {
            run.connect();
        }
        boolean finished = run.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            run.error("publishing did not finish within " + timeout.toSeconds() + " s");
        }
        return run.result();
    }

    /** The state of one {@link #publish} call, shared by its connections. */
    private final class Run {
        final PublishPlan plan;
        final long[] sent;
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch done;
        final Histogram latency = new ConcurrentHistogram(Deliveries.MAX_MICROS, 3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Queue<String> errors = new ConcurrentLinkedQueue<>();
        final long start = System.nanoTime();
        final AtomicLong lastAnswer = new AtomicLong(start);

        Run(PublishPlan plan) {
            this.plan = plan;
            this.sent = new long[plan.events()];
            this.done = new CountDownLatch(plan.events());
        }

        void connect() {
            if (next.get() >= plan.events()) {
                return;
            }
            Bootstrap b = new Bootstrap().group(group).channel(Transport.socketChannel())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), new Requester(Run.this));
                        }
                    });
            b.connect(target.host(), target.port()).addListener((ChannelFuture f) -> {
                if (!f.isSuccess()) {
                    error("connect: " + f.cause());
                    // give up the next event so the run still ends
                    answered(claim(), -1, 0);
                }
            });
        }

        /** The next event to send, or -1 when all are taken. */
        int claim() {
            int seq = next.getAndIncrement();
            return seq < plan.events() ? seq : -1;
        }

        void answered(int seq, int status, long micros) {
            if (seq < 0) {
                return;
            }
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status > 0) {
                latency.recordValue(Math.min(Deliveries.MAX_MICROS, micros));
            }
            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            done.countDown();
        }

        void error(String message) {
            if (errors.size() < 10) {
                errors.add(message);
            }
        }

        PublishResult result() {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((k, v) -> counts.put(k, v.sum()));
            long missing = plan.events() - counts.values().stream().mapToLong(Long::longValue).sum();
            if (missing > 0) {
                counts.merge(-1, missing, Long::sum);
            }
            long first = Long.MAX_VALUE;
            for (long s : sent) {
                if (s != 0) {
                    first = Math.min(first, s);
                }
            }
            long elapsed = first == Long.MAX_VALUE ? 0 : lastAnswer.get() - first;
            return new PublishResult(sent.clone(), latency, elapsed, counts, List.copyOf(errors));
        }
    }

    /** One keep-alive connection: send, await the answer, send the next. */
    private final class Requester extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Run run;
        private int inFlight = -1;
        private long sentAt;

        Requester(Run run) {
            this.run = run;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            sendNext(ctx);
        }

        private void sendNext(ChannelHandlerContext ctx) {
            int seq = run.claim();
            if (seq < 0) {
                ctx.close();
                return;
            }
            long delay = run.start + run.plan.dueNanos(seq) - System.nanoTime();
            if (delay > 0) {
                ctx.executor().schedule(() -> send(ctx, seq), delay, TimeUnit.NANOSECONDS);
            } else {
                send(ctx, seq);
            }
        }

        private void send(ChannelHandlerContext ctx, int seq) {
            inFlight = seq;
            sentAt = System.nanoTime();
            run.sent[seq] = sentAt;
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", "bench-event")
                    .put("data", Payload.encode(seq, sentAt, run.plan.bytes()));
            body.putArray("channels").add(run.plan.channelOf().apply(seq));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                    target.signedEventsUri(bytes), Unpooled.wrappedBuffer(bytes));
            request.headers().set(HttpHeaderNames.HOST, target.host() + ":" + target.port())
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            ctx.writeAndFlush(request);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            int status = response.status().code();
            if (status != 200) {
                run.error(status + " " + response.content().toString(StandardCharsets.UTF_8));
            }
            int seq = inFlight;
            inFlight = -1;
            run.answered(seq, status, (System.nanoTime() - sentAt) / 1000);
            if (HttpUtil.isKeepAlive(response)) {
                sendNext(ctx);
            } else {
                ctx.close(); // the server said so; channelInactive opens the next connection
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (inFlight >= 0) {
                run.error("connection closed before the answer to event " + inFlight);
                run.answered(inFlight, -1, 0);
                inFlight = -1;
            }
            // a server may close keep-alive connections; carry on over a new one
            run.connect();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            run.error(cause.toString());
            ctx.close();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
