package io.herald.jmh;

import io.herald.server.channel.Channel;
import io.herald.server.channel.ChannelRegistry;
import io.herald.server.message.Frames;
import io.herald.server.message.OutboundEvent;
import io.herald.server.metrics.NodeMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Channel lookup among many channels, join/leave, and the fan-out loop: one encoded frame, a
 * retained duplicate handed to each of N subscribers. Divide broadcast time by N for the cost per
 * delivery on the server's side before the socket write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChannelBenchmark {

    private static final int CHANNELS = 10_000;

    @Param({"1", "1000", "5000"})
    int subscribers;

    /** {@code prometheus}: fan-out counted into a Prometheus registry, as with {@code metrics-port} set. */
    @Param({"detached", "prometheus"})
    String metrics;

    private NodeMetrics nodeMetrics;

    private final String[] names = new String[CHANNELS];
    private ChannelRegistry registry;
    private Channel fanout;
    private OutboundEvent event;
    private FakeSubscriber joiner;
    private int next;

    @Setup
    public void setUp() {
        nodeMetrics = new NodeMetrics();
        registry = metrics.equals("prometheus") ? new ChannelRegistry(nodeMetrics.forApp("bench")) : new ChannelRegistry();
        for (int c = 0; c < CHANNELS; c++) {
            names[c] = "channel-" + c;
            registry.join(names[c], new FakeSubscriber(c), null, 100);
        }
        for (int s = 0; s < subscribers; s++) {
            registry.join("fanout", new FakeSubscriber(CHANNELS + s), null, 100);
        }
        fanout = registry.find("fanout");
        event = OutboundEvent.server("fanout", "my-event", "{\"message\":\"" + "x".repeat(80) + "\"}", null);
        joiner = new FakeSubscriber(-1);
    }

    @TearDown
    public void tearDown() {
        nodeMetrics.close();
    }

    @Benchmark
    public Channel lookup() {
        next = (next + 1) % CHANNELS;
        return registry.find(names[next]);
    }

    /** A subscriber joins an occupied channel and leaves it again. */
    @Benchmark
    public boolean joinLeave() {
        registry.join("channel-7", joiner, null, 100);
        return registry.leave("channel-7", joiner, null).left();
    }

    /** Encode once and hand a duplicate to every subscriber, as a publish does. */
    @Benchmark
    public int broadcast() {
        fanout.broadcast(Frames.wire(event), null);
        return fanout.subscriptionCount();
    }
}
