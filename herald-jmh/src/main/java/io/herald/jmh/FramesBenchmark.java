package io.herald.jmh;

import io.herald.server.message.Frames;
import io.herald.server.message.OutboundEvent;
import io.netty.buffer.ByteBuf;
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
import org.openjdk.jmh.annotations.Warmup;

/** Encoding one server event into its pooled WebSocket frame, header included: done once per published event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FramesBenchmark {

    /** Bytes of event data, as a publisher sends it (a JSON document, escaped into a string). */
    @Param({"100", "2000"})
    int bytes;

    private OutboundEvent event;

    @Setup
    public void setUp() {
        StringBuilder data = new StringBuilder("{\"message\":\"");
        while (data.length() < bytes - 2) {
            data.append('x');
        }
        event = OutboundEvent.server("my-channel", "my-event", data.append("\"}").toString(), null);
    }

    /** Quoting of the data string happens here, as the API does per publish. */
    @Benchmark
    public int quoteAndEncode() {
        ByteBuf frame = Frames.wire(OutboundEvent.server(event.channel(), event.event(), event.dataJson(), null));
        int size = frame.readableBytes();
        frame.release();
        return size;
    }

    @Benchmark
    public int encode() {
        ByteBuf frame = Frames.wire(event);
        int size = frame.readableBytes();
        frame.release();
        return size;
    }
}
