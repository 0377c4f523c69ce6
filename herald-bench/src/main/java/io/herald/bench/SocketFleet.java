package io.herald.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The WebSocket connections of one worker process on one event-loop group: opens them with a
 * bounded number connecting at once, counts what happens to them, and drives presence churn: as fast
 * as the server confirms (presence scenario) or a steady share of the connections per second (soak).
 */
final class SocketFleet implements AutoCloseable {

    private static final int MAX_ERROR_SAMPLES = 10;

    private final List<BenchTarget> targets;
    private final LocalAddresses localAddresses;
    private final FleetPlan plan;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    /** One recorder per event loop, so recording a delivery takes no lock and no atomic update. */
    private final Map<EventExecutor, Deliveries> deliveries = new HashMap<>();
    private final BenchSocket[] sockets;
    private final AtomicInteger launched = new AtomicInteger();
    private final AtomicInteger settledCount = new AtomicInteger();
    private final LongAdder established = new LongAdder();
    private final LongAdder subscribed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder joins = new LongAdder();
    private final LongAdder leaves = new LongAdder();
    private final LongAdder presenceEvents = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder failedReconnects = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> closeCodes = new ConcurrentHashMap<>();
    private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final Runnable onHalfSettled;
    private final Runnable onAllSettled;
    private volatile boolean churning;
    private ScheduledFuture<?> steadyChurn;

    /**
     * @param targets the nodes of one cluster (same app); connection {@code i} goes to {@code targets[i mod size]}
     * @param onHalfSettled called once, on an event loop, when half the planned connections subscribed or failed
     * @param onAllSettled called once, on an event loop, when every planned connection subscribed or failed
     */
    SocketFleet(List<BenchTarget> targets, LocalAddresses localAddresses, FleetPlan plan, int threads,
                Runnable onHalfSettled, Runnable onAllSettled) {
        this.targets = List.copyOf(targets);
        this.localAddresses = localAddresses;
        this.plan = plan;
        this.onHalfSettled = onHalfSettled;
        this.onAllSettled = onAllSettled;
        this.sockets = new BenchSocket[plan.count()];
        this.group = Transport.eventLoops(threads);
        group.forEach(loop -> deliveries.put(loop, new Deliveries(plan.events())));
        this.bootstrap = new Bootstrap().group(group).channel(Transport.socketChannel())
                // TCP_NODELAY is Netty's default for new sockets: setting it again costs a system call each
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                // per-read buffers from the event loop's own cache; Netty 4.2's adaptive default cost
                // a tenth of the receive path's Java time in allocation
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
        if (localAddresses.size() > 1) {
            Transport.choosePortAtConnect(bootstrap);
        }
    }

    /** Starts connecting; returns at once. */
    void open() {
        if (plan.count() == 0) {
            onAllSettled.run();
            return;
        }
        for (int i = 0; i < Math.min(plan.concurrency(), plan.count()); i++) {
            launchNext();
        }
    }

    private void launchNext() {
        int local = launched.getAndIncrement();
        if (local < plan.count()) {
            launch(plan.first() + local, false);
        }
    }

    /** Opens a socket in place of {@code old}, which closed to reconnect. */
    void replace(BenchSocket old) {
        launch(old.index(), true);
    }

    private void launch(int index, boolean replacement) {
        int local = index - plan.first();
        BenchSocket socket = new BenchSocket(this, index, plan.channel(index), replacement);
        BenchTarget node = targets.get(index % targets.size());
        sockets[local] = socket;
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new ClientHandshake(node.webSocketUri(), socket), socket);
            }
        });
        InetSocketAddress local4 = localAddresses.forConnection(index);
        InetSocketAddress remote = InetSocketAddress.createUnresolved(node.host(), node.port());
        ChannelFuture connect = local4 == null ? b.connect(remote) : b.connect(remote, local4);
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                error("connect: " + f.cause());
                socket.settle(false);
            }
        });
    }

    /** Called once per connection by its socket (or by a failed connect). */
    void settled(BenchSocket socket, boolean ok) {
        (ok ? subscribed : failed).increment();
        int settledNow = settledCount.incrementAndGet();
        if (settledNow == Math.max(1, plan.count() / 2)) {
            onHalfSettled.run();
        }
        if (settledNow == plan.count()) {
            onAllSettled.run();
        }
        launchNext();
    }

    /** Starts presence churn on every subscribed connection; {@link #stopChurn()} ends it. */
    void startChurn() {
        churning = true;
        for (BenchSocket s : sockets) {
            if (s != null && s.isSubscribed() && s.context() != null) {
                s.context().channel().eventLoop().execute(s::churn);
            }
        }
    }

    /**
     * Each second, {@code reconnectShare} of the connections close and connect again (subscribing
     * anew), and {@code rejoinShare} leave their channel and join it again, taken in turn so every
     * connection gets its go; {@link #stopChurn()} ends it.
     */
    void startSteadyChurn(double reconnectShare, double rejoinShare) {
        EventExecutor timer = group.next();
        int[] cursor = {0, sockets.length / 2};
        double[] owed = {0, 0};
        steadyChurn = timer.scheduleAtFixedRate(() -> {
            owed[0] += reconnectShare * sockets.length;
            owed[1] += rejoinShare * sockets.length;
            cursor[0] = churnSome(cursor[0], (int) owed[0], BenchSocket::reconnect);
            cursor[1] = churnSome(cursor[1], (int) owed[1], BenchSocket::churn);
            owed[0] -= (int) owed[0];
            owed[1] -= (int) owed[1];
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the event loops of the next {@code n} subscribed sockets from {@code from}. */
    private int churnSome(int from, int n, Consumer<BenchSocket> action) {
        int next = from;
        for (int tried = 0, done = 0; done < n && tried < sockets.length; tried++) {
            BenchSocket s = sockets[next];
            next = (next + 1) % sockets.length;
            if (s != null && s.isSubscribed() && s.context() != null) {
                s.context().channel().eventLoop().execute(() -> action.accept(s));
                done++;
            }
        }
        return next;
    }

    void stopChurn() {
        churning = false;
        if (steadyChurn != null) {
            steadyChurn.cancel(false);
        }
    }

    /** Called once per replacement socket: it subscribed ({@code ok}) or failed on the way. */
    void replaced(boolean ok) {
        (ok ? reconnects : failedReconnects).increment();
    }

    boolean churning() {
        return churning;
    }

    /** The app's credentials (every node serves the same app). */
    BenchTarget target() {
        return targets.get(0);
    }

    FleetPlan plan() {
        return plan;
    }

    /** The recorder of the event loop {@code loop}; only that loop may record into it. */
    Deliveries deliveriesOf(EventExecutor loop) {
        return deliveries.get(loop);
    }

    /** Everything received so far, copied on each event loop so the copy sees all its recordings. */
    Deliveries deliveries() {
        Deliveries all = new Deliveries(plan.events());
        deliveries.forEach((loop, recorder) -> all.merge(loop.submit(() -> {
            Deliveries copy = new Deliveries(plan.events());
            copy.merge(recorder);
            return copy;
        }).syncUninterruptibly().getNow()));
        return all;
    }

    private long received() {
        return deliveries.values().stream().mapToLong(Deliveries::total).sum();
    }

    void established() {
        established.increment();
    }

    void joined() {
        joins.increment();
    }

    void left() {
        leaves.increment();
    }

    void presenceEvent() {
        presenceEvents.increment();
    }

    void closed() {
        closed.increment();
    }

    void closedByServer(int code, String reason) {
        closeCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
        error("closed by server: " + code + " " + reason);
    }

    void error(String message) {
        errors.increment();
        if (errorSamples.size() < MAX_ERROR_SAMPLES) {
            errorSamples.add(message.length() > 300 ? message.substring(0, 300) : message);
        }
    }

    /** The counters, as a worker reports them in progress and result lines. */
    ObjectNode counters() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("planned", plan.count())
                .put("established", established.sum())
                .put("subscribed", subscribed.sum())
                .put("failed", failed.sum())
                .put("closed", closed.sum())
                .put("errors", errors.sum())
                .put("received", received())
                .put("joins", joins.sum())
                .put("leaves", leaves.sum())
                .put("presenceEvents", presenceEvents.sum())
                .put("reconnects", reconnects.sum())
                .put("failedReconnects", failedReconnects.sum());
        ObjectNode codes = json.putObject("closeCodes");
        closeCodes.forEach((code, n) -> codes.put(code.toString(), n.sum()));
        ArrayNode samples = json.putArray("errorSamples");
        errorSamples.forEach(samples::add);
        return json;
    }

    /** Closes every connection and the event loops, waiting up to 10 s. */
    @Override
    public void close() {
        churning = false;
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

}
