package io.herald.redis;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.net.SocketAddress;
import java.util.concurrent.atomic.LongAdder;

/** Counts the Redis commands answered, for {@code herald_redis_round_trips_total}; Lettuce calls it per reply. */
final class RoundTrips implements CommandLatencyRecorder {

    private final LongAdder count = new LongAdder();

    @Override
    public void recordCommandLatency(SocketAddress local, SocketAddress remote, ProtocolKeyword commandType,
                                     long firstResponseLatency, long completionLatency) {
        count.increment();
    }

    long count() {
        return count.sum();
    }
}
