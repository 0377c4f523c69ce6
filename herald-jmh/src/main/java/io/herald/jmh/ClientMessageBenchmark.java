package io.herald.jmh;

import io.herald.server.message.ClientMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing what clients send: pings, subscriptions (plain and presence) and client events. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientMessageBenchmark {

    private final String ping = "{\"event\":\"pusher:ping\",\"data\":{}}";
    private final String subscribe = "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"my-channel\"}}";
    private final String presence = "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-room\","
            + "\"auth\":\"app-key:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
            + "\"channel_data\":\"{\\\"user_id\\\":\\\"42\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Ada\\\"}}\"}}";
    private final String clientEvent = "{\"event\":\"client-typing\",\"channel\":\"private-chat\","
            + "\"data\":{\"user\":\"ada\",\"text\":\"hello there, how are you today?\"}}";

    @Benchmark
    public ClientMessage ping() {
        return ClientMessage.parse(ping);
    }

    @Benchmark
    public String subscribe() {
        return ClientMessage.parse(subscribe).dataText("channel");
    }

    /** Includes decoding channel_data, as the server does to learn the member. */
    @Benchmark
    public String presenceSubscribe() {
        ClientMessage m = ClientMessage.parse(presence);
        return ClientMessage.parse("{\"event\":\"x\",\"data\":" + m.dataObject().get("channel_data") + "}")
                .dataText("user_id");
    }

    @Benchmark
    public ClientMessage clientEvent() {
        return ClientMessage.parse(clientEvent);
    }
}
